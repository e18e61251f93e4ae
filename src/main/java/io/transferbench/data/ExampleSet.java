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
}
