package io.transferbench.tasks;

import ai.djl.ndarray.NDList;

/** Accumulates predictions batch by batch, then scores them. */
public interface Evaluator {

    void add(NDList predictions, NDList labels);

    Evaluation result();
}
