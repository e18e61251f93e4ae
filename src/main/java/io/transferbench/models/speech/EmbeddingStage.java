package io.transferbench.models.speech;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.transferbench.models.EagerSequentialBlock;

import java.util.List;

/**
 * A run of speech_embedding's convolutions (up to and including a max-pool) applied to every
 * window of every clip. Stage outputs keep one row per clip, {@code [batch, windows, C, time,
 * mel]}, so frozen prefixes can be cached and gathered per example like any other backbone's; the
 * windows are folded into the batch only inside the stage.
 */
final class EmbeddingStage extends AbstractBlock {

    private final SequentialBlock layers;
    private final List<ConvUnit> units;

    EmbeddingStage(List<ConvUnit> units, Block pool) {
        super((byte) 1);
        this.units = List.copyOf(units);
        SequentialBlock sequence = new EagerSequentialBlock();
        units.forEach(sequence::add);
        if (pool != null) {
            sequence.add(pool);
        }
        this.layers = addChildBlock("layers", sequence);
    }

    List<ConvUnit> units() {
        return units;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        NDArray folded = x.reshape(s.get(0) * s.get(1), s.get(2), s.get(3), s.get(4));
        NDArray y = layers.forward(store, new NDList(folded), training, params).singletonOrThrow();
        Shape o = y.getShape();
        return new NDList(y.reshape(s.get(0), s.get(1), o.get(1), o.get(2), o.get(3)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        Shape o = layers.getOutputShapes(new Shape[] {folded(s)})[0];
        return new Shape[] {new Shape(s.get(0), s.get(1), o.get(1), o.get(2), o.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        layers.initialize(manager, dataType, folded(inputShapes[0]));
    }

    private static Shape folded(Shape s) {
        return new Shape(s.get(0) * s.get(1), s.get(2), s.get(3), s.get(4));
    }
}
