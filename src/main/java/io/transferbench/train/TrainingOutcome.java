package io.transferbench.train;

import io.transferbench.results.EpochPoint;
import io.transferbench.tasks.Drawing;
import io.transferbench.tasks.Evaluation;

import java.util.List;
import java.util.Map;

/**
 * What training one cell produced; the runner turns it into a cell record. The evaluations
 * include the mean loss among their metrics; {@code otherTests} holds the dataset's further
 * evaluation sets by name, and {@code drawings} pictures of test predictions where the task
 * draws them.
 */
public record TrainingOutcome(
        String status,
        String reason,
        int bestEpoch,
        Evaluation val,
        Evaluation test,
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
        Long trainFlopsPerSample,
        String featureCache,
        double featureSeconds,
        Map<String, Evaluation> otherTests,
        List<Drawing> drawings) {

    public TrainingOutcome {
        otherTests = otherTests == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(otherTests));
        drawings = drawings == null ? List.of() : List.copyOf(drawings);
    }

    public static final String OK = "ok";
    public static final String DIVERGED = "diverged";
    public static final String FAILED = "failed";

    /** {@link #featureCache}: no frozen stage was cached (none frozen, augmentation, or caching off). */
    public static final String CACHE_OFF = "off";
    /** This cell ran the frozen stages over the data once and cached their outputs. */
    public static final String CACHE_COMPUTED = "computed";
    /** This cell trained on outputs another cell had cached. */
    public static final String CACHE_REUSED = "reused";
    /** This cell trained on outputs an earlier run or another process had stored on disk. */
    public static final String CACHE_LOADED = "loaded";
}
