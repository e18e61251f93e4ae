package io.transferbench.models.selfie;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.transferbench.models.ConvGeometry;

/**
 * One convolution of the selfie graph with its bias (BatchNorm folded in by the converter) and the
 * nonlinearity after it, padded as TensorFlow's "same". Named after the graph node it rebuilds
 * ({@code Conv2D_10}, {@code depthwise_3}), through which the importer finds its weights.
 */
final class GraphConv extends AbstractBlock {

    private final String node;
    private final Conv2d conv;
    private final ConvGeometry geometry;
    private final Nonlinearity nonlinearity;
    private final boolean depthwise;
    private final long inChannels;
    private final long outChannels;
    private final long inSize;
    private float swishScale = 1f / 6;
    private float swishOffset = 3f;

    /**
     * @param node the graph's {@code Conv2D} or {@code DepthwiseConv2dNative} node
     * @param inSize height (= width) of the input it is built for, which decides the padding
     */
    GraphConv(String node, long inChannels, long outChannels, int kernel, int stride, boolean depthwise,
              Nonlinearity nonlinearity, long inSize) {
        super((byte) 1);
        if (depthwise && inChannels != outChannels) {
            throw new IllegalArgumentException(node + ": a depthwise convolution keeps its channels");
        }
        this.node = node;
        this.geometry = new ConvGeometry(kernel, stride, 1);
        this.nonlinearity = nonlinearity;
        this.depthwise = depthwise;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.inSize = inSize;
        long padding = geometry.convPadding(inSize);
        this.conv = addChildBlock("conv", Conv2d.builder()
                .setKernelShape(new Shape(kernel, kernel))
                .setFilters((int) outChannels)
                .optStride(new Shape(stride, stride))
                .optPadding(new Shape(padding, padding))
                .optGroups(depthwise ? (int) inChannels : 1)
                .build());
    }

    /** A 1x1 convolution (stride 1, no padding question). */
    static GraphConv pointwise(String node, long inChannels, long outChannels, Nonlinearity nonlinearity, long size) {
        return new GraphConv(node, inChannels, outChannels, 1, 1, false, nonlinearity, size);
    }

    String node() {
        return node;
    }

    Nonlinearity nonlinearity() {
        return nonlinearity;
    }

    boolean depthwise() {
        return depthwise;
    }

    int stride() {
        return geometry.stride();
    }

    long outChannels() {
        return outChannels;
    }

    long outSize() {
        return geometry.outSize(inSize);
    }

    Parameter weight() {
        return conv.getParameters().get("weight");
    }

    Parameter bias() {
        return conv.getParameters().get("bias");
    }

    /** Uses the graph's own hard-swish constants (float16 values of 1/6 and 3). */
    void useSwishConstants(float scale, float offset) {
        this.swishScale = scale;
        this.swishOffset = offset;
    }

    /** Multiply-adds per example. */
    long multiplyAdds() {
        return geometry.multiplyAdds(depthwise ? 1 : inChannels, outChannels, inSize);
    }

    NDArray apply(ParameterStore store, NDArray x, boolean training, PairList<String, Object> params) {
        return forward(store, new NDList(x), training, params).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = geometry.padUneven(inputs.singletonOrThrow(), inSize);
        NDArray y = conv.forward(store, new NDList(x), training, params).singletonOrThrow();
        return new NDList(nonlinearity.apply(y, swishScale, swishOffset));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), outChannels, geometry.outSize(in.get(2)),
                geometry.outSize(in.get(3)))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, geometry.convInput(inputShapes[0]));
    }
}
