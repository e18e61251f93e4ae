package io.transferbench.results;

import ai.djl.util.cuda.CudaUtils;

import java.util.List;

/**
 * The GPUs of a run, in {@code env.json}'s {@code gpu} object: null on a machine where neither the
 * engine nor {@code nvidia-smi} sees one.
 *
 * @param engineGpuCount     the GPUs the engine (PyTorch through DJL) can use: 0 means cells run on
 *                           the CPU even if nvidia-smi lists a GPU (a libtorch without CUDA, or
 *                           CUDA libraries it could not load)
 * @param devices            what nvidia-smi lists, with each device's total memory
 * @param driverVersion      the NVIDIA driver
 * @param driverCudaVersion  the newest CUDA the driver supports (nvidia-smi's banner)
 * @param cudaRuntimeVersion the CUDA runtime library DJL found (libcudart), null if it found none
 * @param libtorchFlavor     {@code PYTORCH_FLAVOR} as DJL read it (cpu, cu128, cu130, ...), null if unset
 */
public record GpuEnvironment(
        int engineGpuCount,
        List<Device> devices,
        String driverVersion,
        String driverCudaVersion,
        String cudaRuntimeVersion,
        String libtorchFlavor) {

    /** One GPU as nvidia-smi names it. */
    public record Device(int index, String name, Long memoryTotalBytes) {}

    /** Asks nvidia-smi and DJL; null when there is no GPU to speak of. */
    static GpuEnvironment capture(int engineGpuCount) {
        List<String> rows = NvidiaSmi.run("--query-gpu=index,name,memory.total,driver_version",
                "--format=csv,noheader,nounits");
        List<Device> devices = NvidiaSmi.devices(rows);
        if (engineGpuCount == 0 && devices.isEmpty()) {
            return null;
        }
        String driverCuda = devices.isEmpty() ? null : NvidiaSmi.driverCudaVersion(NvidiaSmi.run());
        return new GpuEnvironment(engineGpuCount, devices, NvidiaSmi.driverVersion(rows), driverCuda,
                loadedCudaRuntime(), System.getenv("PYTORCH_FLAVOR"));
    }

    /** libcudart's version through DJL's CudaUtils (JNA), or null where it loads none. */
    private static String loadedCudaRuntime() {
        try {
            return CudaUtils.getGpuCount() > 0 ? NvidiaSmi.cudaVersionName(CudaUtils.getCudaVersion()) : null;
        } catch (RuntimeException | LinkageError e) {
            return null;
        }
    }

    /** The device names, for the older {@code gpus} list of env.json. */
    List<String> names() {
        return devices.stream().map(Device::name).toList();
    }
}
