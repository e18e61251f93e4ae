package io.transferbench.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;

/**
 * ReLU6 as one clamp to [0, 6]. DJL's {@code Activation.relu6} is a relu followed by a minimum
 * with a scalar array: two passes over every activation, and a new array, where libtorch's clamp
 * makes one. The values are the same; the gradient differs only at exactly 0 and 6. Its backward
 * is libtorch's clamp backward, four unvectorised kernels ({@code where} of {@code ge} and
 * {@code le}), where hardtanh's (PyTorch's {@code nn.ReLU6}) is one; DJL 0.36 exposes no hardtanh,
 * and it costs MobileNetV2's training step about a quarter (README, "Performance against PyTorch
 * eager").
 */
public final class Relu6 {

    private Relu6() {}

    public static NDArray apply(NDArray x) {
        return x.clip(0, 6);
    }

    public static Block block() {
        return new LambdaBlock(list -> new NDList(apply(list.singletonOrThrow())), "relu6");
    }
}
