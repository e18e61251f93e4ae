package io.transferbench.data;

import ai.djl.ndarray.NDManager;

/**
 * One split of a dataset, held on the host. The training loop asks for batches by example index,
 * so shuffling and batching live in the core while each domain decides how examples become arrays.
 */
public interface ExampleSet {

    int size();

    /** The examples at {@code indices} as arrays created in {@code manager}. */
    Batch batch(NDManager manager, int[] indices);

    /**
     * This split as one cell trains on it. A set with random augmentation returns a view that
     * draws from a generator seeded with {@code seed}, so cells stay reproducible; others return
     * themselves.
     */
    default ExampleSet forTraining(long seed) {
        return this;
    }

    /**
     * True when batches of the same indices differ from call to call (random augmentation). The
     * trainer caches frozen-stage outputs only for sets where this is false.
     */
    default boolean augmented() {
        return false;
    }
}
