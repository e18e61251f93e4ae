package io.transferbench.tasks;

import ai.djl.nn.Block;
import io.transferbench.models.Backbone;

import java.util.List;

/**
 * The new part a task puts on a backbone. It receives the outputs of the stages it taps (in
 * ascending stage order, concatenated into one list), passes them through {@code reduce}, a
 * parameter-free step such as pooling that a cache of frozen stages may include, and then through
 * {@code layers}, which always train.
 *
 * @param taps stage indices whose outputs the head reads, ascending
 * @param flopsPerExample forward FLOPs of {@code layers} per example (2 x multiply-adds), as the
 *     task computes them for the shapes it was built for
 */
public record TaskHead(List<Integer> taps, Block reduce, Block layers, long flopsPerExample) {

    public TaskHead {
        taps = List.copyOf(taps);
        for (int i = 1; i < taps.size(); i++) {
            if (taps.get(i) <= taps.get(i - 1)) {
                throw new IllegalArgumentException("taps must ascend: " + taps);
            }
        }
    }

    /** A head on one vector per example: the last stage's output, pooled as the backbone pools it. */
    public static TaskHead onPooledFeatures(Backbone backbone, Block layers, long flopsPerExample) {
        return new TaskHead(List.of(backbone.lastStage()), backbone.pooling(), layers, flopsPerExample);
    }
}
