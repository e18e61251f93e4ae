package io.transferbench.train;

import ai.djl.training.tracker.ParameterTracker;

import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Per-parameter learning rates: the base rate, times the schedule, times a per-parameter
 * multiplier (layer-wise decay). DJL's optimizers call this with the parameter's id, not its
 * name, so the multipliers are keyed by {@code Parameter.getId()}.
 *
 * <p>The schedule follows the phase's optimizer steps ({@code step}), not the update count DJL
 * passes per parameter: a stage that starts training late (gradual unfreezing) joins the schedule
 * where it stands instead of starting its own warmup.
 */
public final class LearningRates implements ParameterTracker {

    private final double baseLr;
    private final Schedule schedule;
    private final Map<String, Double> multipliers;
    private final LongSupplier step;

    /** @param step the 0-based optimizer step being taken */
    public LearningRates(double baseLr, Schedule schedule, Map<String, Double> multipliers, LongSupplier step) {
        this.baseLr = baseLr;
        this.schedule = schedule;
        this.multipliers = Map.copyOf(multipliers);
        this.step = step;
    }

    @Override
    public float getNewValue(String parameterId, int numUpdate) {
        return (float) at(parameterId, step.getAsLong());
    }

    public double at(String parameterId, long step) {
        return baseLr * multipliers.getOrDefault(parameterId, 1.0) * schedule.factor(step);
    }
}
