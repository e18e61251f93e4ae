package io.transferbench.models;

import io.transferbench.data.BatchPlan;

import java.util.function.IntFunction;

/**
 * Forward FLOPs per example of each backbone stage (2 x multiply-adds). A text encoder's cost
 * depends on how long its batches are padded (attention is quadratic in it), so the figures are
 * asked for at a batch's padded length; backbones of one input shape give the same at any length.
 */
@FunctionalInterface
public interface StageFlops {

    /** No stage's FLOPs are known. */
    StageFlops UNKNOWN = length -> new long[0];

    /**
     * @param length a batch's padded sequence length, or {@link BatchPlan#FIXED_SHAPE} for the
     *     input shape the backbone was built for
     * @return one figure per stage; empty when unknown
     */
    long[] at(int length);

    /** The same figures at every length. */
    static StageFlops fixed(long[] perStage) {
        long[] copy = perStage.clone();
        return length -> copy.clone();
    }

    /** Figures that follow the padded length; {@code builtFor} stands in for {@link BatchPlan#FIXED_SHAPE}. */
    static StageFlops perLength(int builtFor, IntFunction<long[]> atLength) {
        return length -> atLength.apply(length == BatchPlan.FIXED_SHAPE ? builtFor : length);
    }
}
