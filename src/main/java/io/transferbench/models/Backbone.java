package io.transferbench.models;

import ai.djl.nn.Block;
import io.transferbench.data.BatchPlan;

import java.util.Arrays;
import java.util.List;

/**
 * A network without its original head, cut into ordered stages (input side first). Freeze depth
 * k freezes {@code stages.get(0..k-1)}.
 *
 * @param outputs what each stage outputs, so that a task can choose which stages its head taps
 * @param pooling a parameter-free block from the last stage's output to one feature vector per
 *     example (global average pooling, masked mean over tokens): how this backbone is read as a
 *     vector, for heads that want one. The head applies it; a linear probe can cache its output.
 * @param flops forward FLOPs per example of each stage, at a batch's padded length
 */
public record Backbone(List<Block> stages, List<StageOutput> outputs, Block pooling, StageFlops flops) {

    public Backbone {
        if (outputs.size() != stages.size()) {
            throw new IllegalArgumentException(stages.size() + " stages but " + outputs.size() + " stage outputs");
        }
    }

    /** A backbone of one input shape, whose stages cost {@code stageFlops} per example (empty when unknown). */
    public Backbone(List<Block> stages, List<StageOutput> outputs, Block pooling, long[] stageFlops) {
        this(stages, outputs, pooling, StageFlops.fixed(stageFlops));
    }

    /** Forward FLOPs per example of each stage at the input shape the backbone was built for. */
    public long[] stageFlops() {
        return flops.at(BatchPlan.FIXED_SHAPE);
    }

    /** Width of the vector {@link #pooling} gives: the last stage's channels. */
    public long featureDim() {
        return outputs.get(outputs.size() - 1).channels();
    }

    public int lastStage() {
        return stages.size() - 1;
    }

    public boolean flopsKnown() {
        return stageFlops().length == stages.size();
    }

    /** Forward FLOPs per example of stages {@code from..end} at the input shape the backbone was built for. */
    public long flopsFrom(int from) {
        return flopsFrom(from, BatchPlan.FIXED_SHAPE);
    }

    /** Forward FLOPs per example of stages {@code from..end} in a batch padded to {@code length}. */
    public long flopsFrom(int from, int length) {
        long[] perStage = flops.at(length);
        return perStage.length == stages.size()
                ? Arrays.stream(perStage, Math.min(from, perStage.length), perStage.length).sum() : 0;
    }
}
