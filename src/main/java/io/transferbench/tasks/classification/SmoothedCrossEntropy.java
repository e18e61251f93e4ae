package io.transferbench.tasks.classification;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Softmax cross-entropy with label smoothing: the target puts {@code 1 - eps} on the true class
 * and spreads {@code eps} evenly over all classes. DJL's own loss has no smoothing.
 */
final class SmoothedCrossEntropy extends Loss {

    private final double epsilon;

    SmoothedCrossEntropy(double epsilon) {
        super("cross_entropy");
        this.epsilon = epsilon;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.singletonOrThrow();
        long classes = logits.getShape().get(logits.getShape().dimension() - 1);
        NDArray logProbs = logits.logSoftmax(-1);
        NDArray target = labels.singletonOrThrow().oneHot((int) classes).toType(logProbs.getDataType(), false);
        if (epsilon > 0) {
            target = target.mul(1 - epsilon).add(epsilon / classes);
        }
        return target.mul(logProbs).sum(new int[] {-1}).neg().mean();
    }
}
