package io.transferbench.report;

import io.transferbench.results.EnvironmentInfo;

import java.util.List;

/**
 * The hardware a run used, as reports name it. Two runs are on the same machine when their
 * {@link EnvironmentInfo#hardwareKey()} is equal: the same test a run directory applies on resume.
 *
 * @param key the hardware key
 * @param name "Intel(R) Xeon(R) Processor, 2 threads, CPU" or "NVIDIA H100 80GB HBM3 (gpu0), host ..."
 */
public record Machine(String key, String name) {

    public static Machine of(EnvironmentInfo env) {
        List<String> gpus = env.gpus() == null ? List.of() : env.gpus();
        String host = env.cpuModel() + ", " + env.logicalCores() + " threads";
        boolean gpu = env.device() != null && env.device().startsWith("gpu");
        String name = gpu ? (gpus.isEmpty() ? "GPU" : String.join(" + ", gpus)) + " (" + env.device() + "), host " + host
                : host + ", CPU";
        return new Machine(env.hardwareKey(), name);
    }
}
