package io.transferbench.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.transferbench.models.Backbone;

import java.util.List;
import java.util.function.Predicate;

/**
 * Backbone stages, the backbone's pooling, then a task head. The first {@code frozenStages} stages have their
 * weights fixed and always run in inference mode, so BatchNorm running statistics in a frozen
 * stage never move and dropout there is off; DJL's {@code freezeParameters} alone would leave
 * BatchNorm updating its statistics in training mode.
 */
public final class TransferNetwork extends AbstractBlock {

    /** BatchNorm running statistics are never trained; freezing must not flip them. */
    private static final Predicate<Parameter> TRAINABLE = p ->
            p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR;

    private final List<Block> stages;
    private final Block pooling;
    private final Block head;
    private int frozenStages;
    private int inputDepth;

    public TransferNetwork(Backbone backbone, Block head) {
        super((byte) 1);
        List<Block> stages = backbone.stages();
        for (int i = 0; i < stages.size(); i++) {
            addChildBlock("stage" + i, stages.get(i));
        }
        this.stages = List.copyOf(stages);
        this.pooling = addChildBlock("pooling", backbone.pooling());
        this.head = addChildBlock("head", head);
    }

    public List<Block> stages() {
        return stages;
    }

    public Block head() {
        return head;
    }

    public int frozenStages() {
        return frozenStages;
    }

    /** Freezes the first {@code k} stages and unfreezes the rest; the head always trains. */
    public void freezeStages(int k) {
        frozenStages = k;
        for (int i = 0; i < stages.size(); i++) {
            stages.get(i).freezeParameters(i < k, TRAINABLE);
        }
        head.freezeParameters(false, TRAINABLE);
    }

    /**
     * Says what {@link #forward} receives from now on: raw inputs ({@code 0}) or the outputs of
     * the first {@code depth} stages, as computed once by {@link #prefix} and cached. Depth equal
     * to the stage count means pooled features, so only the head runs.
     */
    public void takeInputsAtDepth(int depth) {
        inputDepth = depth;
    }

    /** The outputs of the first {@code depth} stages in inference mode (pooled at full depth). */
    public NDList prefix(ParameterStore store, NDList inputs, int depth) {
        NDList x = inputs;
        for (int i = 0; i < depth; i++) {
            x = stages.get(i).forward(store, x, false, null);
        }
        return depth == stages.size() ? pooling.forward(store, x, false, null) : x;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList x = inputs;
        for (int i = inputDepth; i < stages.size(); i++) {
            x = stages.get(i).forward(store, x, training && i >= frozenStages, params);
        }
        if (inputDepth < stages.size()) {
            x = pooling.forward(store, x, false, params);
        }
        return head.forward(store, x, training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = inputShapes;
        for (Block b : getChildren().values()) {
            shapes = b.getOutputShapes(shapes);
        }
        return shapes;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = inputShapes;
        for (Block b : getChildren().values()) {
            b.initialize(manager, dataType, shapes);
            shapes = b.getOutputShapes(shapes);
        }
    }

    /** Parameters that an optimizer may update right now. */
    public long trainableParameterCount() {
        return getParameters().values().stream()
                .filter(Parameter::requiresGradient)
                .mapToLong(p -> p.getArray().size())
                .sum();
    }

    public long parameterCount() {
        return getParameters().values().stream()
                .filter(TRAINABLE)
                .mapToLong(p -> p.getArray().size())
                .sum();
    }
}
