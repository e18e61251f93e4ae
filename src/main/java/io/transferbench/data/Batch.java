package io.transferbench.data;

import ai.djl.ndarray.NDList;

/** Model inputs and the matching labels for a set of examples. */
public record Batch(NDList inputs, NDList labels) {}
