package io.transferbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.transferbench.data.BatchPlan;
import io.transferbench.data.ExampleSet;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * A split as the frozen stages see it: their outputs for every example, stacked on the first axis.
 * Inputs are row gathers, so a cached epoch costs only the trainable stages; targets come from the
 * source split by index, whatever shape they have. Outputs of a set whose examples vary in length
 * are kept padded to its longest example; a batch is cut back to its own longest, as the source
 * set would have padded it.
 */
final class CachedFeatures implements ExampleSet {

    private final NDList features;
    private final ExampleSet source;
    private final boolean tokenAxis;

    /** @param tokenAxis whether {@code features} keep the source's sequence axis (axis 1), padded to its longest example */
    CachedFeatures(NDList features, ExampleSet source, boolean tokenAxis) {
        if (features.get(0).getShape().get(0) != source.size()) {
            throw new IllegalArgumentException(features.get(0).getShape().get(0) + " cached rows for "
                    + source.size() + " examples");
        }
        this.features = features;
        this.source = source;
        this.tokenAxis = tokenAxis;
    }

    @Override
    public int size() {
        return source.size();
    }

    @Override
    public NDList inputs(NDManager manager, int[] indices) {
        long[] rows = new long[indices.length];
        for (int i = 0; i < indices.length; i++) {
            rows[i] = indices[i];
        }
        NDArray index = manager.create(rows).toDevice(features.get(0).getDevice(), false);
        int own = tokenAxis ? BatchPlan.longest(source.lengths().orElseThrow(), indices) : 0;
        NDList inputs = new NDList(features.size());
        for (NDArray f : features) {
            NDArray picked = f.get(index);
            if (tokenAxis && picked.getShape().get(1) > own) {
                NDArray cut = picked.get(new NDIndex(":, :{}", own));
                picked.close();
                picked = cut;
            }
            picked.attach(manager);
            inputs.add(picked);
        }
        return inputs;
    }

    @Override
    public Optional<int[]> lengths() {
        return source.lengths();
    }

    @Override
    public NDList targets(NDManager manager, int[] indices) {
        return source.targets(manager, indices);
    }

    @Override
    public Optional<BufferedImage> picture(int index) {
        return source.picture(index);
    }

    NDList features() {
        return features;
    }

    long bytes() {
        long total = 0;
        for (NDArray f : features) {
            total += f.size() * f.getDataType().getNumOfBytes();
        }
        return total;
    }
}
