package io.transferbench.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Frees a block's intermediate arrays as soon as the next step has consumed them, as PyTorch eager
 * frees a tensor when its last reference goes. DJL keeps every array until its manager closes (a
 * batch's sub-manager, at the batch's end), so a forward pass otherwise holds every activation of
 * the network at once and writes each op's output into memory no cache has seen. Autograd keeps
 * what backward needs through its own references, so closing our handle is safe in training too.
 */
public final class Intermediates {

    private Intermediates() {}

    /**
     * Runs {@code body} on views of {@code inputs} that live in a scope of their own, so that every
     * array it makes from them is freed on return, but for what it returns; an input it returns
     * comes back as the caller's own array. For blocks of many small steps (a transformer layer),
     * where closing each intermediate by hand would bury the computation. Ops put their result in
     * their first operand's manager: {@code body} must lead with the inputs, not with parameters.
     */
    public static NDList within(NDList inputs, UnaryOperator<NDList> body) {
        NDManager owner = inputs.head().getManager();
        try (NDManager scope = owner.newSubManager()) {
            NDList views = new NDList(inputs.size());
            for (NDArray input : inputs) {
                NDArray view = input.reshape(input.getShape());
                view.attach(scope);
                views.add(view);
            }
            NDList result = new NDList();
            for (NDArray array : body.apply(views)) {
                int input = indexOf(views, array);
                if (input >= 0) {
                    result.add(inputs.get(input));
                } else {
                    array.attach(owner);
                    result.add(array);
                }
            }
            return result;
        }
    }

    private static int indexOf(NDList arrays, NDArray array) {
        for (int i = 0; i < arrays.size(); i++) {
            if (arrays.get(i) == array) {
                return i;
            }
        }
        return -1;
    }

    /** Closes the arrays of {@code spent} that {@code next} does not hold itself; returns {@code next}. */
    public static NDList release(NDList spent, NDList next) {
        return releaseBut(spent, next, next);
    }

    /**
     * One step along a chain that started from the caller's {@code inputs}: {@code next}, after
     * closing what of {@code spent} neither it nor the caller's inputs hold (a step may pass an
     * input array along, which is not the chain's to close).
     */
    public static NDList advance(NDList inputs, NDList spent, NDList next) {
        if (spent == inputs) {
            return next;
        }
        NDList kept = new NDList(next);
        kept.addAll(inputs);
        return releaseBut(spent, kept, next);
    }

    private static NDList releaseBut(NDList spent, NDList kept, NDList next) {
        Set<NDArray> keep = Collections.newSetFromMap(new IdentityHashMap<>());
        keep.addAll(kept);
        for (NDArray array : spent) {
            if (!keep.contains(array)) {
                array.close();
            }
        }
        return next;
    }
}
