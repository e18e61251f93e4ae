package io.transferbench.models.mobilenet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.transferbench.weights.LayoutTransform;

import java.util.List;

/**
 * A Keras MobileNetV2 convolution unit: convolution without bias, BatchNorm, and optionally ReLU6.
 *
 * <p>Keras pads a stride-2 convolution with an explicit {@code ZeroPadding2D} of
 * {@code correct_pad}: one row and column after the image, and one before only when the size is
 * odd, then convolves with "valid" padding. A symmetric padding of 1 would shift every sampling
 * position by one pixel, so the imported kernels would see a different neighbourhood; this unit
 * pads exactly as Keras does. Stride-1 "same" convolutions are symmetric and use the
 * convolution's own padding.
 */
final class ConvBn extends AbstractBlock {

    /** Keras's default for MobileNetV2's BatchNormalization layers. */
    static final float KERAS_EPSILON = 1e-3f;

    private final Conv2d conv;
    private final BatchNorm norm;
    private final boolean relu6;
    private final String convName;
    private final String normName;
    private final boolean depthwise;
    private final int kernel;
    private final int stride;
    private final long inChannels;
    private final long outChannels;
    /** Zero rows/columns added before the image for a stride-2 convolution, by Keras's rule. */
    private final int padBefore;
    private final int dilation;

    /**
     * @param convName Keras name of the convolution ({@code block_3_expand})
     * @param normName Keras name of its BatchNormalization ({@code block_3_expand_BN})
     * @param inSize height (= width) of the input, which decides Keras's padding
     * @param momentum BatchNorm running-statistics momentum in Keras's convention (share kept)
     */
    ConvBn(String convName, String normName, long inChannels, long outChannels, int kernel, int stride,
           boolean depthwise, boolean relu6, long inSize, float momentum) {
        this(convName, normName, inChannels, outChannels, kernel, stride, 1, depthwise, relu6, inSize, momentum);
    }

    /**
     * @param dilation spacing of the kernel taps of a stride-1 convolution; a dilated network keeps
     *     its resolution where the original would stride, and still sees as far (Yu and Koltun 2016)
     */
    ConvBn(String convName, String normName, long inChannels, long outChannels, int kernel, int stride, int dilation,
           boolean depthwise, boolean relu6, long inSize, float momentum) {
        super((byte) 1);
        if (dilation > 1 && stride != 1) {
            throw new IllegalArgumentException("a dilated convolution has stride 1");
        }
        this.dilation = dilation;
        this.convName = convName;
        this.normName = normName;
        this.depthwise = depthwise;
        this.kernel = kernel;
        this.stride = stride;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.relu6 = relu6;
        this.padBefore = stride == 2 ? (int) (inSize % 2) : 0;
        int samePad = stride == 1 ? dilation * (kernel / 2) : 0;
        this.conv = addChildBlock("conv", Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .setFilters((int) outChannels)
                .optStride(new Shape(stride, stride))
                .optDilation(new Shape(dilation, dilation))
                .optPadding(new Shape(samePad, samePad))
                .optGroups(depthwise ? (int) inChannels : 1)
                .optBias(false)
                .build());
        this.norm = addChildBlock("bn", BatchNorm.builder().optEpsilon(KERAS_EPSILON).optMomentum(momentum).build());
    }

    /** Output height (= width) for an input of {@code size}. */
    long outSize(long size) {
        long padded = stride == 2 ? size + padBefore + 1 : size + 2L * dilation * (kernel / 2);
        return (padded - (dilation * (kernel - 1L) + 1)) / stride + 1;
    }

    /** Multiply-adds per example for an input of {@code size}. */
    long multiplyAdds(long size) {
        long out = outSize(size);
        long perOutput = (depthwise ? 1 : inChannels) * kernel * kernel;
        return outChannels * perOutput * out * out;
    }

    /** Which Keras tensor fills which of this unit's parameters. */
    List<KerasTensor> kerasTensors() {
        return List.of(
                new KerasTensor(convName + (depthwise ? "/depthwise_kernel" : "/kernel"), parameter(conv, "weight"),
                        depthwise ? LayoutTransform.DEPTHWISE_HWC1_TO_C1HW : LayoutTransform.HWIO_TO_OIHW),
                new KerasTensor(normName + "/gamma", parameter(norm, "gamma"), LayoutTransform.IDENTITY),
                new KerasTensor(normName + "/beta", parameter(norm, "beta"), LayoutTransform.IDENTITY),
                new KerasTensor(normName + "/moving_mean", parameter(norm, "runningMean"), LayoutTransform.IDENTITY),
                new KerasTensor(normName + "/moving_variance", parameter(norm, "runningVar"), LayoutTransform.IDENTITY));
    }

    private static Parameter parameter(AbstractBlock block, String name) {
        return block.getParameters().get(name);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        if (stride == 2) {
            // Pairs run from the last axis backwards: (left, right) of W, then (top, bottom) of H.
            x = x.pad(new Shape(padBefore, 1, padBefore, 1), 0);
        }
        NDList y = norm.forward(store, conv.forward(store, new NDList(x), training, params), training, params);
        return relu6 ? Activation.relu6(y) : y;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), outChannels, outSize(in.get(2)), outSize(in.get(3)))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        Shape padded = stride == 2 ? new Shape(in.get(0), in.get(1), in.get(2) + padBefore + 1, in.get(3) + padBefore + 1)
                : in;
        conv.initialize(manager, dataType, padded);
        norm.initialize(manager, dataType, conv.getOutputShapes(new Shape[] {padded}));
    }
}
