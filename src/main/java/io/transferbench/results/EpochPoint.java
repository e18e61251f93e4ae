package io.transferbench.results;

import java.util.Map;

/**
 * One point of a learning curve: the state after an epoch of a phase.
 *
 * @param rssBytes the process's resident memory after the epoch, where the OS tells: a cell
 *     whose memory grows epoch after epoch shows it here
 */
public record EpochPoint(
        String phase, int epoch, double trainLoss, double valLoss, Map<String, Double> val,
        double lr, double elapsedSeconds, Long rssBytes) {}
