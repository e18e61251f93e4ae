package io.transferbench.results;

import ai.djl.engine.Engine;
import ai.djl.util.cuda.CudaUtils;
import io.transferbench.HarnessVersion;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.HardwareAbstractionLayer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The machine and software a run used, captured once per run into {@code env.json}. */
public record EnvironmentInfo(
        String capturedAt,
        String host,
        String os,
        String cpuModel,
        int physicalCores,
        int logicalCores,
        long memoryBytes,
        String jvm,
        String djlVersion,
        String engine,
        String engineVersion,
        int engineThreads,
        String device,
        List<String> gpus,
        String gpuDriver,
        String harnessVersion,
        String harnessCommit) {

    public static EnvironmentInfo capture(String device) {
        SystemInfo si = new SystemInfo();
        HardwareAbstractionLayer hw = si.getHardware();
        CentralProcessor cpu = hw.getProcessor();
        Engine engine = Engine.getInstance();
        HarnessVersion harness = HarnessVersion.current();
        List<String> gpus = new ArrayList<>();
        String driver = null;
        if (CudaUtils.getGpuCount() > 0) {
            for (String line : nvidiaSmi()) {
                String[] parts = line.split(",\\s*");
                gpus.add(parts[0]);
                driver = parts.length > 1 ? parts[1] : driver;
            }
        }
        return new EnvironmentInfo(
                Instant.now().toString(),
                si.getOperatingSystem().getNetworkParams().getHostName(),
                si.getOperatingSystem().toString(),
                cpu.getProcessorIdentifier().getName().trim(),
                cpu.getPhysicalProcessorCount(),
                cpu.getLogicalProcessorCount(),
                hw.getMemory().getTotal(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Engine.getDjlVersion(),
                engine.getEngineName(),
                engine.getVersion(),
                torchThreads(),
                device,
                gpus,
                driver,
                harness.version(),
                harness.commit());
    }

    /** What must match for two runs to count as the same hardware (resume refuses otherwise). */
    public String hardwareKey() {
        return cpuModel + "/" + logicalCores + "/" + device + "/" + String.join("+", gpus);
    }

    private static int torchThreads() {
        String env = System.getenv("OMP_NUM_THREADS");
        return env != null && env.matches("\\d+") ? Integer.parseInt(env) : Runtime.getRuntime().availableProcessors();
    }

    private static List<String> nvidiaSmi() {
        List<String> lines = new ArrayList<>();
        try {
            Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=name,driver_version", "--format=csv,noheader")
                    .redirectErrorStream(true).start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().filter(l -> !l.isBlank()).forEach(lines::add);
            }
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // no nvidia-smi: the GPU list stays empty, CudaUtils still counted the devices
        }
        return lines;
    }
}
