package io.transferbench.tasks;

import ai.djl.ndarray.NDList;

/** Accumulates predictions batch by batch, then scores them. */
public interface Evaluator {

    void add(NDList predictions, NDList labels);

    /** The scores; with {@link Evaluation#outcomes} in the order the examples were added, where the task keeps them. */
    Evaluation result();
}
