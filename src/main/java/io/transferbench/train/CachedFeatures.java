package io.transferbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.transferbench.data.Batch;
import io.transferbench.data.ExampleSet;

/**
 * A split as the frozen stages see it: their outputs for every example, stacked on the first axis,
 * with the labels. Batches are row gathers, so a cached epoch costs only the trainable stages.
 */
final class CachedFeatures implements ExampleSet {

    private final NDList features;
    private final NDArray labels;

    CachedFeatures(NDList features, NDArray labels) {
        this.features = features;
        this.labels = labels;
    }

    @Override
    public int size() {
        return (int) labels.getShape().get(0);
    }

    @Override
    public Batch batch(NDManager manager, int[] indices) {
        long[] rows = new long[indices.length];
        for (int i = 0; i < indices.length; i++) {
            rows[i] = indices[i];
        }
        NDArray index = manager.create(rows).toDevice(labels.getDevice(), false);
        NDList inputs = new NDList(features.size());
        for (NDArray f : features) {
            inputs.add(gather(f, index, manager));
        }
        return new Batch(inputs, new NDList(gather(labels, index, manager)));
    }

    private static NDArray gather(NDArray from, NDArray rows, NDManager manager) {
        NDArray picked = from.get(rows);
        picked.attach(manager);
        return picked;
    }

    NDList features() {
        return features;
    }

    NDArray labels() {
        return labels;
    }

    long bytes() {
        long total = labels.size() * labels.getDataType().getNumOfBytes();
        for (NDArray f : features) {
            total += f.size() * f.getDataType().getNumOfBytes();
        }
        return total;
    }
}
