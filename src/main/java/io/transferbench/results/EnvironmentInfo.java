package io.transferbench.results;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.cuda.CudaUtils;
import io.transferbench.HarnessVersion;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.HardwareAbstractionLayer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine and software a run used, captured once per run into {@code env.json}.
 *
 * <p>A CPU's marketing name does not identify it: a VM reports "Intel(R) Xeon(R) Processor" for
 * any Xeon generation. {@code cpuSignature} (vendor, family, model, stepping), {@code
 * cpuProcessorId} (the CPUID bits) and {@code cpuFrequencyHz} do; {@code machineId} tells hosts
 * apart. {@code env.json} files from before these fields read them as null.
 */
public record EnvironmentInfo(
        String capturedAt,
        String host,
        String machineId,
        String os,
        String cpuModel,
        String cpuSignature,
        String cpuProcessorId,
        Long cpuFrequencyHz,
        int physicalCores,
        int logicalCores,
        long memoryBytes,
        String jvm,
        String djlVersion,
        String engine,
        String engineVersion,
        int engineThreads,
        Integer engineInteropThreads,
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
        CentralProcessor.ProcessorIdentifier id = cpu.getProcessorIdentifier();
        boolean torch = "PyTorch".equals(engine.getEngineName());
        return new EnvironmentInfo(
                Instant.now().toString(),
                si.getOperatingSystem().getNetworkParams().getHostName(),
                readMachineId(),
                si.getOperatingSystem().toString(),
                id.getName().trim(),
                id.getVendor() + " family " + id.getFamily() + " model " + id.getModel() + " stepping " + id.getStepping(),
                id.getProcessorID(),
                nominalFrequency(cpu),
                cpu.getPhysicalProcessorCount(),
                cpu.getLogicalProcessorCount(),
                hw.getMemory().getTotal(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                Engine.getDjlVersion(),
                engine.getEngineName(),
                engine.getVersion(),
                torch ? JniUtils.getNumThreads() : fallbackThreads(),
                torch ? JniUtils.getNumInteropThreads() : null,
                device,
                gpus,
                driver,
                harness.version(),
                harness.commit());
    }

    /**
     * What must match for two runs to count as the same hardware (resume refuses otherwise): the
     * CPU by its signature, not only its name; an env.json without one is its own machine.
     */
    public String hardwareKey() {
        String cpu = cpuSignature == null ? cpuModel + " (signature not recorded)"
                : cpuModel + " [" + cpuSignature + ", " + cpuProcessorId + ", " + cpuFrequencyHz + " Hz]";
        return cpu + "/" + logicalCores + "/" + device + "/" + String.join("+", gpus == null ? List.of() : gpus);
    }

    /** systemd's machine id: stable for a host, distinct between hosts (unless cloned with the image). */
    private static String readMachineId() {
        try {
            Path file = Path.of("/etc/machine-id");
            return Files.isReadable(file) ? Files.readString(file).trim() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The frequency the CPU names, else its maximum, else what the kernel reports now (a VM's
     * constant TSC rate); null when none is known.
     */
    private static Long nominalFrequency(CentralProcessor cpu) {
        long vendor = cpu.getProcessorIdentifier().getVendorFreq();
        if (vendor > 0) {
            return vendor;
        }
        if (cpu.getMaxFreq() > 0) {
            return cpu.getMaxFreq();
        }
        long current = java.util.Arrays.stream(cpu.getCurrentFreq()).max().orElse(0);
        return current > 0 ? current : null;
    }

    /** Engines that cannot be asked: what OpenMP would use. */
    private static int fallbackThreads() {
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
