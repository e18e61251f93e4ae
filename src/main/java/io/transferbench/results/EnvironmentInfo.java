package io.transferbench.results;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import io.transferbench.HarnessVersion;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.HardwareAbstractionLayer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The machine and software a run used, captured once per run into {@code env.json}.
 *
 * <p>A CPU's marketing name does not identify it: a VM reports "Intel(R) Xeon(R) Processor" for
 * any Xeon generation. {@code cpuSignature} (vendor, family, model, stepping), {@code
 * cpuProcessorId} (the CPUID bits) and {@code cpuFrequencyHz} do; {@code machineId} tells hosts
 * apart. {@code env.json} files from before these fields read them as null.
 *
 * <p>{@code precision} names the arithmetic the cells used ({@link NumericPrecision}); {@code gpu}
 * names the GPUs with their memory, the driver and the CUDA versions ({@link GpuEnvironment}), and is
 * null where there is none. Both read as null in env.json files from before them.
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
        String harnessCommit,
        String precision,
        GpuEnvironment gpu,
        Map<String, String> kernelSettings) {

    /** Without precision and GPU details: the components before them, as callers written before them pass. */
    public EnvironmentInfo(String capturedAt, String host, String machineId, String os, String cpuModel,
                           String cpuSignature, String cpuProcessorId, Long cpuFrequencyHz, int physicalCores,
                           int logicalCores, long memoryBytes, String jvm, String djlVersion, String engine,
                           String engineVersion, int engineThreads, Integer engineInteropThreads, String device,
                           List<String> gpus, String gpuDriver, String harnessVersion, String harnessCommit) {
        this(capturedAt, host, machineId, os, cpuModel, cpuSignature, cpuProcessorId, cpuFrequencyHz, physicalCores,
                logicalCores, memoryBytes, jvm, djlVersion, engine, engineVersion, engineThreads, engineInteropThreads,
                device, gpus, gpuDriver, harnessVersion, harnessCommit, null, null, null);
    }

    /**
     * @param kernelSettings environment variables that choose the engine's kernels or its memory in
     *     the processes that run cells (oneDNN's instruction-set cap, glibc's allocator tunables):
     *     the same hardware computes at another speed under them, so a comparison of machines must
     *     see them
     */
    public static EnvironmentInfo capture(String device, Map<String, String> kernelSettings) {
        SystemInfo si = new SystemInfo();
        HardwareAbstractionLayer hw = si.getHardware();
        CentralProcessor cpu = hw.getProcessor();
        Engine engine = Engine.getInstance();
        HarnessVersion harness = HarnessVersion.current();
        // The engine's count, not CudaUtils' (JNA's own libcudart lookup, which can fail where
        // PyTorch's CUDA works); nvidia-smi names the devices either way.
        GpuEnvironment gpu = GpuEnvironment.capture(engine.getGpuCount());
        List<String> gpus = gpu == null ? new ArrayList<>() : new ArrayList<>(gpu.names());
        String driver = gpu == null ? null : gpu.driverVersion();
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
                harness.commit(),
                NumericPrecision.of(device),
                gpu,
                kernelSettings.isEmpty() ? null : new java.util.TreeMap<>(kernelSettings));
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
}
