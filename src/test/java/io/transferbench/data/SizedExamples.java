package io.transferbench.data;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import java.util.Optional;

/** A set that only has a size, and each example's length where {@code each} is given: for tests of what is planned from sets. */
record SizedExamples(int size, int[] each) implements ExampleSet {

    SizedExamples(int size) {
        this(size, null);
    }

    @Override
    public NDList inputs(NDManager manager, int[] indices) {
        throw new UnsupportedOperationException();
    }

    @Override
    public NDList targets(NDManager manager, int[] indices) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<int[]> lengths() {
        return Optional.ofNullable(each);
    }
}
