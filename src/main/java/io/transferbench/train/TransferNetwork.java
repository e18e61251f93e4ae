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
import io.transferbench.models.StageOutput;
import io.transferbench.tasks.PretrainedHeadParts;
import io.transferbench.tasks.TaskHead;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Backbone stages, then a task head that reads the outputs of the stages it taps. The first
 * {@code frozenStages} stages have their weights fixed and always run in inference mode, so
 * BatchNorm running statistics in a frozen stage never move and dropout there is off; DJL's
 * {@code freezeParameters} alone would leave BatchNorm updating its statistics in training mode.
 *
 * <p>A frozen prefix can be run once and cached ({@link #prefix}): after {@code d} stages its
 * output is the tapped outputs of stages before {@code d - 1} (one array each), then the output
 * of stage {@code d - 1}; after every stage it is the head's parameter-free {@code reduce} of all
 * taps (pooled features, for a classifier). A tap is a stage's output without the arrays it only
 * carries along for later stages ({@link io.transferbench.models.StageOutput#carried}).
 */
public final class TransferNetwork extends AbstractBlock {

    /** BatchNorm running statistics are never trained; freezing must not flip them. */
    private static final Predicate<Parameter> TRAINABLE = p ->
            p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR;

    private final List<Block> stages;
    private final List<Integer> taps;
    /** Per stage, how many trailing arrays of its output are carried skips rather than output. */
    private final int[] carried;
    private final Block reduce;
    private final Block head;
    private int frozenStages;
    private int inputDepth;

    public TransferNetwork(Backbone backbone, TaskHead head) {
        super((byte) 1);
        List<Block> stages = backbone.stages();
        for (int i = 0; i < stages.size(); i++) {
            addChildBlock("stage" + i, stages.get(i));
        }
        this.stages = List.copyOf(stages);
        for (int t : head.taps()) {
            if (t < 0 || t >= stages.size()) {
                throw new IllegalArgumentException("the head taps stage " + t + " of " + stages.size());
            }
        }
        this.taps = head.taps();
        this.carried = backbone.outputs().stream().mapToInt(StageOutput::carried).toArray();
        this.reduce = addChildBlock("reduce", head.reduce());
        this.head = addChildBlock("head", head.layers());
    }

    /** A network whose head {@code layers} read the pooled output of the last stage. */
    public TransferNetwork(Backbone backbone, Block layers) {
        this(backbone, TaskHead.onPooledFeatures(backbone, layers, 0));
    }

    public List<Block> stages() {
        return stages;
    }

    /** The head's layers: what always trains. */
    public Block head() {
        return head;
    }

    public int frozenStages() {
        return frozenStages;
    }

    /**
     * Freezes the first {@code k} stages and unfreezes the rest; the head trains, except the layers
     * it took from the pretrained source network while every stage is frozen.
     */
    public void freezeStages(int k) {
        frozenStages = k;
        for (int i = 0; i < stages.size(); i++) {
            stages.get(i).freezeParameters(i < k, TRAINABLE);
        }
        head.freezeParameters(false, TRAINABLE);
        if (head instanceof PretrainedHeadParts parts) {
            parts.freezeAdopted(k == stages.size());
        }
    }

    /**
     * Says what {@link #forward} receives from now on: raw inputs ({@code 0}) or what {@link #prefix}
     * gives after the first {@code depth} stages, computed once and cached.
     */
    public void takeInputsAtDepth(int depth) {
        inputDepth = depth;
    }

    /** The first stage {@link #forward} runs. */
    public int inputDepth() {
        return inputDepth;
    }

    /** What the first {@code depth} stages give in inference mode, in the layout {@link #forward} takes. */
    public NDList prefix(ParameterStore store, NDList inputs, int depth) {
        List<NDList> tapped = new ArrayList<>();
        NDList x = inputs;
        for (int i = 0; i < depth; i++) {
            x = stages.get(i).forward(store, x, false, null);
            if (taps.contains(i)) {
                tapped.add(tap(i, x));
            }
        }
        if (depth == stages.size()) {
            return reduce.forward(store, concat(tapped), false, null);
        }
        NDList state = new NDList();
        for (int k = 0; k < savedTaps(depth); k++) {
            state.add(tapped.get(k).singletonOrThrow());
        }
        state.addAll(x);
        return state;
    }

    /** Taps a cached prefix of {@code depth} stages carries beside the last stage's output. */
    private int savedTaps(int depth) {
        return (int) taps.stream().filter(t -> t < depth - 1).count();
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        if (inputDepth == stages.size()) {
            return head.forward(store, inputs, training, params);
        }
        int saved = savedTaps(inputDepth);
        List<NDList> tapped = new ArrayList<>();
        for (int k = 0; k < saved; k++) {
            tapped.add(new NDList(inputs.get(k)));
        }
        NDList x = saved == 0 ? inputs : new NDList(inputs.subList(saved, inputs.size()));
        if (inputDepth > 0 && taps.contains(inputDepth - 1)) {
            tapped.add(tap(inputDepth - 1, x));
        }
        for (int i = inputDepth; i < stages.size(); i++) {
            x = stages.get(i).forward(store, x, training && i >= frozenStages, params);
            if (taps.contains(i)) {
                tapped.add(tap(i, x));
            }
        }
        return head.forward(store, reduce.forward(store, concat(tapped), false, params), training, params);
    }

    /** Stage {@code i}'s output as a head sees it: without the arrays it only carries along. */
    private NDList tap(int i, NDList output) {
        return carried[i] == 0 ? output : new NDList(output.subList(0, output.size() - carried[i]));
    }

    private static NDList concat(List<NDList> parts) {
        NDList all = new NDList();
        parts.forEach(all::addAll);
        return all;
    }

    /** The shapes of the tapped outputs for raw inputs of {@code inputShapes}; initialises the stages when given a manager. */
    private Shape[] tapShapes(Shape[] inputShapes, NDManager manager, DataType dataType) {
        List<Shape> tapped = new ArrayList<>();
        Shape[] shapes = inputShapes;
        for (int i = 0; i < stages.size(); i++) {
            if (manager != null) {
                stages.get(i).initialize(manager, dataType, shapes);
            }
            shapes = stages.get(i).getOutputShapes(shapes);
            if (taps.contains(i)) {
                tapped.addAll(List.of(shapes).subList(0, shapes.length - carried[i]));
            }
        }
        return tapped.toArray(Shape[]::new);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return head.getOutputShapes(reduce.getOutputShapes(tapShapes(inputShapes, null, null)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] tapped = tapShapes(inputShapes, manager, dataType);
        reduce.initialize(manager, dataType, tapped);
        head.initialize(manager, dataType, reduce.getOutputShapes(tapped));
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
