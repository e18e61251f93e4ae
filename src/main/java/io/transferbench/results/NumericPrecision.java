package io.transferbench.results;

/**
 * The arithmetic a run used, for {@code env.json}'s {@code precision}. Every parameter, activation
 * and gradient of the harness is float32 (no mixed precision). On a CUDA device libtorch's own
 * defaults then decide the rest, and the harness leaves them as they are: cuDNN may run
 * convolutions in TF32 ({@code allowTF32CuDNN} is on by default), matrix products stay IEEE
 * float32 ({@code allowTF32CuBLAS} is off). DJL 0.36 offers no call to read or change either.
 */
public final class NumericPrecision {

    static final String CPU = "float32";
    static final String GPU = "float32 (libtorch defaults: cuDNN convolutions may use TF32, matrix products IEEE float32)";

    private NumericPrecision() {}

    /** What the cells of a run on this device computed in. */
    static String of(String device) {
        return device != null && device.startsWith("gpu") ? GPU : CPU;
    }
}
