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
import io.transferbench.models.ConvGeometry;
import io.transferbench.weights.LayoutTransform;
import io.transferbench.weights.ParameterBinding;

import java.util.List;

/**
 * A Keras MobileNetV2 convolution unit: convolution without bias, BatchNorm, and optionally ReLU6.
 *
 * <p>Keras pads a stride-2 convolution with an explicit {@code ZeroPadding2D} of
 * {@code correct_pad}: one row and column after the image, and one before only when the size is
 * odd, then convolves with "valid" padding. For MobileNetV2's 3x3 kernels that is exactly
 * TensorFlow's "same" padding, which {@link ConvGeometry} places; stride-1 convolutions are
 * symmetric and use the convolution's own padding.
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
    private final ConvGeometry geometry;
    private final long inChannels;
    private final long outChannels;
    /** Height (= width) of the input this unit was built for, which decides the padding. */
    private final long inSize;

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
        this.geometry = new ConvGeometry(kernel, stride, dilation);
        this.inSize = inSize;
        this.convName = convName;
        this.normName = normName;
        this.depthwise = depthwise;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.relu6 = relu6;
        long samePad = geometry.convPadding(inSize);
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
        return geometry.outSize(size);
    }

    /** Multiply-adds per example for an input of {@code size}. */
    long multiplyAdds(long size) {
        return geometry.multiplyAdds(depthwise ? 1 : inChannels, outChannels, size);
    }

    /** Which Keras tensor fills which of this unit's parameters. */
    List<ParameterBinding> kerasTensors() {
        return List.of(
                new ParameterBinding(convName + (depthwise ? "/depthwise_kernel" : "/kernel"), parameter(conv, "weight"),
                        depthwise ? LayoutTransform.DEPTHWISE_HWC1_TO_C1HW : LayoutTransform.HWIO_TO_OIHW),
                new ParameterBinding(normName + "/gamma", parameter(norm, "gamma"), LayoutTransform.IDENTITY),
                new ParameterBinding(normName + "/beta", parameter(norm, "beta"), LayoutTransform.IDENTITY),
                new ParameterBinding(normName + "/moving_mean", parameter(norm, "runningMean"), LayoutTransform.IDENTITY),
                new ParameterBinding(normName + "/moving_variance", parameter(norm, "runningVar"), LayoutTransform.IDENTITY));
    }

    private static Parameter parameter(AbstractBlock block, String name) {
        return block.getParameters().get(name);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = geometry.padUneven(inputs.singletonOrThrow(), inSize);
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
        Shape padded = geometry.convInput(inputShapes[0]);
        conv.initialize(manager, dataType, padded);
        norm.initialize(manager, dataType, conv.getOutputShapes(new Shape[] {padded}));
    }
}
