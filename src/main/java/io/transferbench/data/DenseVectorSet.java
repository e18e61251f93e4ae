package io.transferbench.data;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Fixed-length feature vectors with integer class labels, held as one flat array. */
public final class DenseVectorSet implements ExampleSet {

    private final float[] features;
    private final int[] labels;
    private final int dim;

    /** Takes the rows {@code rows} of a row-major {@code all} matrix of width {@code dim}. */
    public DenseVectorSet(float[] all, int[] allLabels, int dim, int[] rows) {
        this.dim = dim;
        this.features = new float[rows.length * dim];
        this.labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(all, rows[i] * dim, features, i * dim, dim);
            labels[i] = allLabels[rows[i]];
        }
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public NDList inputs(NDManager manager, int[] indices) {
        float[] x = new float[indices.length * dim];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(features, indices[i] * dim, x, i * dim, dim);
        }
        return new NDList(manager.create(x, new Shape(indices.length, dim)));
    }

    @Override
    public NDList targets(NDManager manager, int[] indices) {
        return ClassLabels.select(manager, labels, indices);
    }
}
