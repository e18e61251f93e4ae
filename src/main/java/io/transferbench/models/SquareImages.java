package io.transferbench.models;

import io.transferbench.BenchException;
import io.transferbench.spec.ModelSpec;
import io.transferbench.spec.Rule;

import java.util.Arrays;

/**
 * What the convolutional image families share about their inputs and BatchNorm option: square RGB
 * images, and {@code batchnorm-momentum} in Keras's convention (the share of a running statistic
 * kept per step), 0.9 by default as PyTorch's (see {@code MobileNetV2Family} for why).
 */
public final class SquareImages {

    public static final String MOMENTUM = "batchnorm-momentum";
    public static final double DEFAULT_MOMENTUM = 0.9;

    private SquareImages() {
    }

    /** The side S of a {@code [3, S, S]} input, or a clear refusal naming the model. */
    public static long side(String model, long[] inputShape, int minSize) {
        if (inputShape.length != 3 || inputShape[0] != 3 || inputShape[1] != inputShape[2] || inputShape[1] < minSize) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "model '" + model + "' takes square RGB images "
                    + "[3, S, S] with S >= " + minSize + "; the dataset gives " + Arrays.toString(inputShape));
        }
        return inputShape[1];
    }

    public static Rule momentumRule() {
        return Rule.number(0, false, 1, false);
    }

    public static float momentum(ModelSpec spec) {
        return (float) spec.options().path(MOMENTUM).asDouble(DEFAULT_MOMENTUM);
    }
}
