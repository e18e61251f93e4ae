package io.transferbench.models.selfie;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The selfie model's LR-ASPP-style bridge at 1/16 (Howard et al. 2019): a 1x1 convolution with
 * ReLU widens the encoder's last features, and a gate computed from their global mean (1x1
 * convolution, sigmoid) scales each channel. The decoder starts from its output.
 */
final class GatedProjection extends AbstractBlock {

    private final GraphConv branch;
    private final ChannelGate gate;

    GatedProjection(GraphConv branch, ChannelGate gate) {
        super((byte) 1);
        this.branch = addChildBlock("branch", branch);
        this.gate = addChildBlock("gate", gate);
    }


    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return new NDList(branch.apply(store, x, training, params).mul(gate.gate(store, x, training, params)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return branch.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        branch.initialize(manager, dataType, inputShapes);
        gate.initialize(manager, dataType, inputShapes);
    }
}
