package io.transferbench.tasks.detection;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import io.transferbench.models.EagerSequentialBlock;
import io.transferbench.models.Relu6;

/**
 * The convolution units of torchvision's SSDLite: convolution without bias, BatchNorm
 * (eps 1e-3 as TF's MobileNets), ReLU6; and the plain predictor convolution with bias.
 */
final class ConvUnits {

    private static final float EPSILON = 1e-3f;

    private ConvUnits() {
    }

    /** A {@code kernel x kernel} unit, padded to keep the size at stride 1 and to halve it (rounding up) at 2. */
    static Block convBnRelu6(long inChannels, long filters, int kernel, int stride, boolean depthwise) {
        return new EagerSequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).setFilters((int) filters)
                        .optStride(new Shape(stride, stride)).optPadding(new Shape(kernel / 2, kernel / 2))
                        .optGroups(depthwise ? (int) inChannels : 1).optBias(false).build())
                .add(BatchNorm.builder().optEpsilon(EPSILON).build())
                .add(Relu6.block());
    }

    static Conv2d predictor(long filters) {
        return Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters((int) filters).build();
    }

    /** Multiply-adds of a unit on a {@code size x size} output. */
    static long multiplyAdds(long inChannels, long filters, int kernel, boolean depthwise, long size) {
        return (depthwise ? 1 : inChannels) * filters * kernel * kernel * size * size;
    }
}
