package io.transferbench.data;

import java.util.SplittableRandom;

/**
 * The seeds of an augmented training view's random views, batch by batch: the n-th batch drawn
 * depends only on the cell's seed and n, so a cell is reproducible whatever else runs.
 */
final class ViewSeeds {

    private final long seed;
    private long batches;

    ViewSeeds(long seed) {
        this.seed = seed;
    }

    /** One seed per example of the next batch. */
    long[] next(int examples) {
        // SplittableRandom scrambles its seed, so neighbouring (seed, batch) pairs are unrelated.
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + ++batches).longs(examples).toArray();
    }
}
