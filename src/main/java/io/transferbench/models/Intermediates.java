package io.transferbench.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Frees a block's intermediate arrays as soon as the next step has consumed them, as PyTorch eager
 * frees a tensor when its last reference goes. DJL keeps every array until its manager closes (a
 * batch's sub-manager, at the batch's end), so a forward pass otherwise holds every activation of
 * the network at once and writes each op's output into memory no cache has seen. Autograd keeps
 * what backward needs through its own references, so closing our handle is safe in training too.
 */
public final class Intermediates {

    private Intermediates() {}

    /** Closes the arrays of {@code spent} that {@code next} does not hold itself; returns {@code next}. */
    public static NDList release(NDList spent, NDList next) {
        Set<NDArray> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(next);
        for (NDArray array : spent) {
            if (!kept.contains(array)) {
                array.close();
            }
        }
        return next;
    }

    /** Closes {@code spent} unless it is {@code next}; returns {@code next}. */
    public static NDArray release(NDArray spent, NDArray next) {
        if (spent != next) {
            spent.close();
        }
        return next;
    }
}
