package io.transferbench.results;

import java.util.Map;

/**
 * One point of a learning curve: the state after an epoch of a phase.
 *
 * @param rssBytes the process's resident memory after the epoch, where the OS tells: a cell
 *     whose memory grows epoch after epoch shows it here
 * @param trainSamplesPerSecond the epoch's training throughput, steps only (no validation); the
 *     last epoch's is the steady state, without the engine's one-time set-up that the first
 *     carries; null in records of harnesses before it was recorded
 */
public record EpochPoint(
        String phase, int epoch, double trainLoss, double valLoss, Map<String, Double> val,
        double lr, double elapsedSeconds, Long rssBytes, Double trainSamplesPerSecond) {}
