package io.transferbench.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.pytorch.jni.JniUtils;

/**
 * ReLU6, min(max(x, 0), 6), in the cheapest form DJL 0.36 offers for each use; it has no hardtanh,
 * PyTorch's {@code nn.ReLU6}, whose forward and backward are one vectorised kernel each.
 *
 * <p>Where autograd does not record (evaluation, features of frozen stages) it is one clamp. Where
 * it does, it is relu(x) - relu(x - 6): clamp's backward is four kernels, unvectorised in libtorch
 * ({@code where} of {@code ge} and {@code le}), and costs more than the two relus' forward and
 * backward together (README, "Performance against PyTorch eager"). The two forms give the same
 * values for |x| below 2^25 (x - 6 is exact there). Their gradients differ only at exactly 0, where
 * this form gives 0 as TensorFlow's and PyTorch's ReLU6 do and clamp gives 1; at exactly 6 both
 * give 1 where those give 0.
 */
public final class Relu6 {

    private static final float CEILING = 6f;

    private Relu6() {}

    public static NDArray apply(NDArray x) {
        // DJL's hasGradient() answers for leaves only; whether autograd records is libtorch's grad mode
        if (!JniUtils.isGradMode()) {
            return x.clip(0, CEILING);
        }
        // autograd holds what backward needs; our handles on the temporaries can go now
        try (NDArray positive = Activation.relu(x);
             NDArray shifted = x.sub(CEILING);
             NDArray excess = Activation.relu(shifted)) {
            return positive.sub(excess);
        }
    }

    public static Block block() {
        return new LambdaBlock(list -> new NDList(apply(list.singletonOrThrow())), "relu6");
    }
}
