package io.transferbench.report;

import io.transferbench.results.EnvironmentInfo;

import java.util.List;
import java.util.Locale;

/**
 * The hardware a run used, as reports name it. Two runs are on the same machine when their
 * {@link EnvironmentInfo#hardwareKey()} is equal: the same test a run directory applies on resume.
 *
 * @param key the hardware key
 * @param name "Intel(R) Xeon(R) Processor [GenuineIntel family 6 model 207 stepping 2, 2.30 GHz],
 *     2 threads, CPU" or "NVIDIA H100 80GB HBM3 (gpu0), host ..."
 */
public record Machine(String key, String name) {

    public static Machine of(EnvironmentInfo env) {
        List<String> gpus = env.gpus() == null ? List.of() : env.gpus();
        String host = cpu(env) + ", " + env.logicalCores() + " threads";
        boolean gpu = env.device() != null && env.device().startsWith("gpu");
        String name = gpu ? (gpus.isEmpty() ? "GPU" : String.join(" + ", gpus)) + " (" + env.device() + "), host " + host
                : host + ", CPU";
        return new Machine(env.hardwareKey(), name);
    }

    /** The CPU's name with what identifies it; older env.json files recorded the name only. */
    static String cpu(EnvironmentInfo env) {
        if (env.cpuSignature() == null) {
            return env.cpuModel() + " (signature not recorded)";
        }
        String ghz = env.cpuFrequencyHz() == null ? "" : String.format(Locale.ROOT, ", %.2f GHz", env.cpuFrequencyHz() / 1e9);
        return env.cpuModel() + " [" + env.cpuSignature() + ghz + "]";
    }

    /** The host name, with the start of its machine id where recorded ("vm" is every VM's name). */
    static String host(EnvironmentInfo env) {
        return env.machineId() == null ? env.host()
                : env.host() + " (machine id " + env.machineId().substring(0, Math.min(8, env.machineId().length())) + ")";
    }

    /** The threads the engine reported using, inter-op threads too where it was asked. */
    static String engineThreads(EnvironmentInfo env) {
        return env.engineThreads() + " threads" + (env.engineInteropThreads() == null ? ""
                : " (" + env.engineInteropThreads() + " inter-op)");
    }
}
