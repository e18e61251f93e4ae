package io.transferbench.data;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/** The target of single-label classification: one int32 class index per example. */
public final class ClassLabels {

    private ClassLabels() {
    }

    /** The labels at {@code indices} as one int32 array. */
    public static NDList select(NDManager manager, int[] labels, int[] indices) {
        int[] y = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            y[i] = labels[indices[i]];
        }
        return new NDList(manager.create(y));
    }
}
