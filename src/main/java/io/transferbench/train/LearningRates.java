package io.transferbench.train;

import ai.djl.training.tracker.ParameterTracker;

import java.util.Map;

/**
 * Per-parameter learning rates: the base rate, times the schedule, times a per-parameter
 * multiplier (layer-wise decay). DJL's optimizers call this with the parameter's id, not its
 * name, so the multipliers are keyed by {@code Parameter.getId()}.
 */
public final class LearningRates implements ParameterTracker {

    private final double baseLr;
    private final Schedule schedule;
    private final Map<String, Double> multipliers;

    public LearningRates(double baseLr, Schedule schedule, Map<String, Double> multipliers) {
        this.baseLr = baseLr;
        this.schedule = schedule;
        this.multipliers = Map.copyOf(multipliers);
    }

    /** DJL counts updates from 1. */
    @Override
    public float getNewValue(String parameterId, int numUpdate) {
        return (float) (baseLr * multipliers.getOrDefault(parameterId, 1.0) * schedule.factor(numUpdate - 1L));
    }

    public double at(String parameterId, long step) {
        return baseLr * multipliers.getOrDefault(parameterId, 1.0) * schedule.factor(step);
    }
}
