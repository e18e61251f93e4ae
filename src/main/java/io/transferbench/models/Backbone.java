package io.transferbench.models;

import ai.djl.nn.Block;
import ai.djl.nn.Blocks;

import java.util.Arrays;
import java.util.List;

/**
 * A network without its original head, cut into ordered stages (input side first). Freeze depth
 * k freezes {@code stages.get(0..k-1)}.
 *
 * @param pooling a parameter-free block from the last stage's output to one feature vector per
 *     example (global average pooling, masked mean over tokens); identity when the stages already
 *     end in vectors. It sits outside the stages so that a linear probe can cache its output.
 * @param stageFlops forward FLOPs per example of each stage (2 x multiply-adds); empty when unknown
 */
public record Backbone(List<Block> stages, Block pooling, long featureDim, long[] stageFlops) {

    /** A backbone whose last stage already yields feature vectors. */
    public Backbone(List<Block> stages, long featureDim, long[] stageFlops) {
        this(stages, Blocks.identityBlock(), featureDim, stageFlops);
    }

    public boolean flopsKnown() {
        return stageFlops.length == stages.size();
    }

    /** Forward FLOPs per example of stages {@code from..end}. */
    public long flopsFrom(int from) {
        return flopsKnown() ? Arrays.stream(stageFlops, Math.min(from, stageFlops.length), stageFlops.length).sum() : 0;
    }
}
