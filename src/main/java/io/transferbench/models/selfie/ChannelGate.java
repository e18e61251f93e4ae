package io.transferbench.models.selfie;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.List;

/**
 * A per-channel gate from global context: global average pooling, then 1x1 convolutions on the
 * pooled vector, the last one with a sigmoid. It is squeeze-and-excitation (Hu et al. 2018) in
 * the encoder (ReLU reduce, sigmoid expand), the LR-ASPP gate at 1/16, and the decoder's skip
 * attention. The graph pools with an {@code AvgPool} whose window is the whole 256-input feature
 * map; a global mean is the same there and stays global at other input sizes.
 *
 * <p>Input: {@code [x]}; output: the gate {@code [N, C, 1, 1]}, for the caller to multiply with.
 */
final class ChannelGate extends AbstractBlock {

    private final List<GraphConv> convs;

    ChannelGate(List<GraphConv> convs) {
        super((byte) 1);
        if (convs.isEmpty() || convs.get(convs.size() - 1).nonlinearity() != Nonlinearity.SIGMOID) {
            throw new IllegalArgumentException("a gate ends with a sigmoid");
        }
        this.convs = List.copyOf(convs);
        for (int i = 0; i < convs.size(); i++) {
            addChildBlock("conv" + i, convs.get(i));
        }
    }

    /** Squeeze-and-excitation: reduce with ReLU, expand with a sigmoid. */
    static ChannelGate squeezeExcite(String reduce, String expand, long channels, long squeezed) {
        return new ChannelGate(List.of(GraphConv.pointwise(reduce, channels, squeezed, Nonlinearity.RELU, 1),
                GraphConv.pointwise(expand, squeezed, channels, Nonlinearity.SIGMOID, 1)));
    }


    NDArray gate(ParameterStore store, NDArray x, boolean training, PairList<String, Object> params) {
        return forward(store, new NDList(x), training, params).singletonOrThrow();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        // DJL's PyTorch engine reduces one axis per mean.
        NDArray g = inputs.singletonOrThrow().mean(new int[] {3}, true).mean(new int[] {2}, true);
        for (GraphConv conv : convs) {
            g = conv.apply(store, g, training, params);
        }
        return new NDList(g);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), convs.get(convs.size() - 1).outChannels(), 1, 1)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        Shape[] shapes = {new Shape(in.get(0), in.get(1), 1, 1)};
        for (GraphConv conv : convs) {
            conv.initialize(manager, dataType, shapes);
            shapes = conv.getOutputShapes(shapes);
        }
    }
}
