package io.transferbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.List;

/** Clipping by the global L2 norm of all gradients together (PyTorch's {@code clip_grad_norm_}). */
final class GradientClipping {

    private GradientClipping() {}

    /**
     * Scales the gradients in place so that their global L2 norm is at most {@code maxNorm}, and
     * returns the norm before scaling. The squares are moved to the step's manager: left in the
     * gradients' (the model's) manager, a copy of every gradient would pile up each step until
     * the cell ends.
     */
    static double clip(List<NDArray> gradients, double maxNorm, NDManager step) {
        double sumSq = 0;
        for (NDArray g : gradients) {
            NDArray squared = g.square();
            squared.attach(step);
            NDArray sum = squared.sum();
            sum.attach(step);
            sumSq += sum.getFloat();
        }
        double norm = Math.sqrt(sumSq);
        if (norm > maxNorm) {
            float scale = (float) (maxNorm / (norm + 1e-6));
            gradients.forEach(g -> g.muli(scale));
        }
        return norm;
    }
}
