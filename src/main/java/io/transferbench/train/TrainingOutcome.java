package io.transferbench.train;

import io.transferbench.tasks.Evaluation;

import java.util.List;

/** What training one cell produced; the runner turns it into a cell record. */
public record TrainingOutcome(
        String status,
        String reason,
        int bestEpoch,
        Evaluation val,
        double valLoss,
        Evaluation test,
        double testLoss,
        List<EpochPoint> curve,
        double trainSeconds,
        long trainSamples,
        double evalSeconds,
        long evalSamples,
        Double timeToTargetSeconds,
        Integer targetEpoch,
        long paramsTotal,
        long paramsTrainable,
        Long forwardFlopsPerSample,
        Long trainFlopsPerSample) {

    public static final String OK = "ok";
    public static final String DIVERGED = "diverged";
    public static final String FAILED = "failed";
}
