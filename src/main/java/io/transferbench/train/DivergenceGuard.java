package io.transferbench.train;

/**
 * Ends a cell whose loss became NaN or infinite, or grew past {@code factor} times the loss of
 * the cell's first step: such a cell is recorded as diverged and the grid goes on. The reference
 * is the first step of the cell, not of an epoch or phase: once a model fits its training data,
 * batch losses range over orders of magnitude (0.001 next to 0.1) without anything diverging.
 */
final class DivergenceGuard {

    private final double factor;
    private double firstLoss = Double.NaN;

    DivergenceGuard(double factor) {
        this.factor = factor;
    }

    /** Returns why training diverged, or null if the loss is fine. */
    String check(double loss, long step) {
        if (!Double.isFinite(loss)) {
            return "loss became " + loss + " at step " + step;
        }
        if (Double.isNaN(firstLoss)) {
            firstLoss = loss;
        } else if (loss > factor * Math.max(firstLoss, 1e-3)) {
            return String.format("loss exploded to %.4g at step %d (first step %.4g, limit %.0fx)",
                    loss, step, firstLoss, factor);
        }
        return null;
    }
}
