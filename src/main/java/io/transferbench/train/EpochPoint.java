package io.transferbench.train;

import java.util.Map;

/** One point of a learning curve: the state after an epoch of a phase. */
public record EpochPoint(
        String phase, int epoch, double trainLoss, double valLoss, Map<String, Double> val,
        double lr, double elapsedSeconds) {}
