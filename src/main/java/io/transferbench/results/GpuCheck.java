package io.transferbench.results;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.transferbench.Mappers;

/**
 * Says whether the engine really computes on a GPU, for scripts/gpu/device-run:
 * {@code java -cp bench.jar io.transferbench.results.GpuCheck}. PyTorch through DJL falls back to
 * the CPU without a word when libtorch cannot load its CUDA libraries; this prints the engine, its
 * GPU count and the GPU facts env.json would hold, multiplies two matrices on GPU 0, and exits 1
 * (with the reason) if there is no GPU or the product did not land on it.
 */
public final class GpuCheck {

    private GpuCheck() {}

    public static void main(String[] args) throws Exception {
        Engine engine = Engine.getInstance();
        int gpus = engine.getGpuCount();
        System.out.println("engine " + engine.getEngineName() + " " + engine.getVersion() + ", GPUs the engine sees: " + gpus);
        System.out.println("PYTORCH_LIBRARY_PATH=" + System.getenv("PYTORCH_LIBRARY_PATH") + " PYTORCH_FLAVOR="
                + System.getenv("PYTORCH_FLAVOR"));
        System.out.println(Mappers.RECORDS.writeValueAsString(GpuEnvironment.capture(gpus)));
        if (gpus == 0) {
            System.out.println("GPU CHECK FAILED: the engine sees no GPU, so cells would run on the CPU "
                    + "(a CPU libtorch, or its CUDA libraries not found: check LD_LIBRARY_PATH)");
            System.exit(1);
        }
        try (NDManager manager = NDManager.newBaseManager(Device.gpu())) {
            NDArray a = manager.randomNormal(new ai.djl.ndarray.types.Shape(1024, 1024));
            NDArray product = a.matMul(a);
            float sum = product.sum().getFloat();
            System.out.println("1024x1024 matmul on " + product.getDevice() + ": sum " + sum);
            if (!product.getDevice().isGpu()) {
                System.out.println("GPU CHECK FAILED: the product was computed on " + product.getDevice());
                System.exit(1);
            }
        }
        System.out.println("GPU CHECK OK");
    }
}
