package io.transferbench.train;

import ai.djl.ndarray.NDManager;
import io.transferbench.tasks.Evaluation;

import java.util.List;

/**
 * The best-on-validation weights of a cell so far, and how many epochs have passed without
 * improving on them (for early stopping).
 */
final class BestCheckpoint implements AutoCloseable {

    private final String metric;
    private final boolean higherIsBetter;
    private WeightSnapshot weights;
    private double score = Double.NaN;
    private int epoch;
    private Evaluation val;
    private int sinceBest;

    BestCheckpoint(String metric, boolean higherIsBetter) {
        this.metric = metric;
        this.higherIsBetter = higherIsBetter;
    }

    /** Keeps a copy of {@code net}'s weights if {@code val} beats the best so far. */
    void offer(TransferNetwork net, NDManager manager, int epoch, Evaluation val) {
        double s = val.metrics().get(metric);
        if (weights == null || (higherIsBetter ? s > score : s < score)) {
            if (weights != null) {
                weights.close();
            }
            weights = WeightSnapshot.of(List.of(net), manager);
            score = s;
            this.epoch = epoch;
            this.val = val;
            sinceBest = 0;
        } else {
            sinceBest++;
        }
    }

    /** Epochs since the best one, within the current phase. */
    int epochsSinceBest() {
        return sinceBest;
    }

    /** A new phase gets its full patience. */
    void newPhase() {
        sinceBest = 0;
    }

    void restoreInto(TransferNetwork net) {
        weights.restore(List.of(net));
    }

    /** The epoch of the best weights, counted over the whole cell; 0 before any. */
    int epoch() {
        return epoch;
    }

    /** The validation scores of the best weights; null before any. */
    Evaluation val() {
        return val;
    }

    @Override
    public void close() {
        if (weights != null) {
            weights.close();
        }
    }
}
