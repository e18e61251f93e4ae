package io.transferbench.models;

import ai.djl.nn.Block;

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
 * @param stageFlops forward FLOPs per example of each stage (2 x multiply-adds); empty when unknown
 */
public record Backbone(List<Block> stages, List<StageOutput> outputs, Block pooling, long[] stageFlops) {

    public Backbone {
        if (outputs.size() != stages.size()) {
            throw new IllegalArgumentException(stages.size() + " stages but " + outputs.size() + " stage outputs");
        }
    }

    /** Width of the vector {@link #pooling} gives: the last stage's channels. */
    public long featureDim() {
        return outputs.get(outputs.size() - 1).channels();
    }

    public int lastStage() {
        return stages.size() - 1;
    }

    public boolean flopsKnown() {
        return stageFlops.length == stages.size();
    }

    /** Forward FLOPs per example of stages {@code from..end}. */
    public long flopsFrom(int from) {
        return flopsKnown() ? Arrays.stream(stageFlops, Math.min(from, stageFlops.length), stageFlops.length).sum() : 0;
    }
}
