package io.transferbench.models.selfie;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import io.transferbench.models.Relu6;

/**
 * What follows a convolution of the selfie graph. The graph spells hard-swish out in four ops,
 * {@code (x * c) * relu6(x + d)} with {@code c} = 1/6 and {@code d} = 3 stored as float16
 * constants; {@link GraphConv} keeps the decoded values so that it computes what the graph does.
 */
enum Nonlinearity {
    LINEAR,
    RELU,
    SIGMOID,
    HARD_SWISH;

    NDArray apply(NDArray x, float swishScale, float swishOffset) {
        return switch (this) {
            case LINEAR -> x;
            case RELU -> Activation.relu(x);
            case SIGMOID -> Activation.sigmoid(x);
            case HARD_SWISH -> x.mul(swishScale).mul(Relu6.apply(x.add(swishOffset)));
        };
    }
}
