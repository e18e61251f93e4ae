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
 * MobileNetV3's bottleneck (Howard et al. 2019) as the selfie encoder has it: a 1x1 expansion, a
 * depthwise convolution (both ReLU or hard-swish), an optional squeeze-and-excitation gate, a
 * linear 1x1 projection, and an identity shortcut when resolution and width stay.
 */
final class Bottleneck extends AbstractBlock {

    private final GraphConv expand;
    private final GraphConv depthwise;
    private final ChannelGate excite;
    private final GraphConv project;
    private final boolean shortcut;

    /** @param excite the squeeze-and-excitation gate, or null when the block has none */
    Bottleneck(GraphConv expand, GraphConv depthwise, ChannelGate excite, GraphConv project, long inChannels) {
        super((byte) 1);
        this.expand = addChildBlock("expand", expand);
        this.depthwise = addChildBlock("depthwise", depthwise);
        this.excite = excite == null ? null : addChildBlock("excite", excite);
        this.project = addChildBlock("project", project);
        this.shortcut = depthwise.stride() == 1 && inChannels == project.outChannels();
    }


    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray y = depthwise.apply(store, expand.apply(store, x, training, params), training, params);
        if (excite != null) {
            y = y.mul(excite.gate(store, y, training, params));
        }
        y = project.apply(store, y, training, params);
        return new NDList(shortcut ? y.add(x) : y);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return project.getOutputShapes(depthwise.getOutputShapes(expand.getOutputShapes(inputShapes)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        expand.initialize(manager, dataType, inputShapes);
        Shape[] hidden = expand.getOutputShapes(inputShapes);
        depthwise.initialize(manager, dataType, hidden);
        hidden = depthwise.getOutputShapes(hidden);
        if (excite != null) {
            excite.initialize(manager, dataType, hidden);
        }
        project.initialize(manager, dataType, hidden);
    }
}
