package io.transferbench.models;

import ai.djl.nn.Block;

import java.util.Arrays;
import java.util.List;

/**
 * A network without its original head, cut into ordered stages (input side first). Freeze depth
 * k freezes {@code stages.get(0..k-1)}.
 *
 * @param stageFlops forward FLOPs per example of each stage (2 x multiply-adds); empty when unknown
 */
public record Backbone(List<Block> stages, long featureDim, long[] stageFlops) {

    public boolean flopsKnown() {
        return stageFlops.length == stages.size();
    }

    /** Forward FLOPs per example of stages {@code from..end}. */
    public long flopsFrom(int from) {
        return flopsKnown() ? Arrays.stream(stageFlops, Math.min(from, stageFlops.length), stageFlops.length).sum() : 0;
    }
}
