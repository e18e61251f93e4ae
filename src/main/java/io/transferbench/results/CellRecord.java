package io.transferbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import io.transferbench.suite.ConfigSchema;

import java.util.List;
import java.util.Map;

/**
 * The provenance and results of one cell: everything a report shows about it, and enough to
 * rebuild and rerun it (the resolved config and the asset checksums).
 *
 * <p>{@code config} holds every setting, defaults included, in the shape of version
 * {@code configSchema} ({@link ConfigSchema}); records from harnesses before versions carry none.
 * {@code metricDirections} says for each metric whether {@code higher} or {@code lower} is
 * better, as the task declared it; records from harnesses before it carry none.
 * {@code otherTests} holds the scores on the dataset's further evaluation sets by name
 * ({@code test-ood}, ...), and {@code pictures} the files of pictures of its test predictions;
 * both are empty in records from harnesses before them.
 *
 * <p>The {@code gpu*} fields come from samples taken while the cell ran ({@link GpuUsage} says
 * what each means); they are null for CPU cells, where nothing was sampled, and in records
 * from harnesses before them.
 */
public record CellRecord(
        String cellId,
        int index,
        String label,
        String status,
        String reason,
        JsonNode config,
        Integer configSchema,
        long seed,
        Map<String, String> assets,
        Map<String, Long> datasetCounts,
        Map<String, Double> val,
        Map<String, Double> test,
        Map<String, Double> testPerClass,
        Map<String, String> metricDirections,
        int bestEpoch,
        List<EpochPoint> curve,
        double wallSeconds,
        double trainSeconds,
        double evalSeconds,
        Double timeToTargetSeconds,
        Integer targetEpoch,
        double trainSamplesPerSecond,
        double evalSamplesPerSecond,
        Long peakRssBytes,
        long paramsTotal,
        long paramsTrainable,
        Long forwardFlopsPerSample,
        Long trainFlopsPerSample,
        Double achievedTrainFlopsPerSecond,
        String featureCache,
        double featureSeconds,
        String device,
        String startedAt,
        String finishedAt,
        Map<String, TestScores> otherTests,
        List<PredictionPicture> pictures,
        Long gpuMemorySampledPeakBytes,
        Double gpuPowerSampledMeanWatts,
        Double gpuEnergySampledJoules,
        Integer gpuSamples,
        String gpuSampling) {

    public CellRecord {
        otherTests = otherTests == null ? Map.of() : otherTests;
        pictures = pictures == null ? List.of() : pictures;
    }

    public static final String OK = "ok";
    public static final String DIVERGED = "diverged";
    public static final String FAILED = "failed";

    /**
     * Prefix of the {@code assets} keys that name a dataset's code version (the value) rather than
     * a locked asset's checksum: every dataset has one, for the code that reads and splits its
     * locked files or generates it from them.
     */
    public static final String DATASET_CODE_PREFIX = "dataset:";

    /** A record without GPU samples: the components before them, as callers written before them pass. */
    public CellRecord(String cellId, int index, String label, String status, String reason, JsonNode config,
                      Integer configSchema, long seed, Map<String, String> assets, Map<String, Long> datasetCounts,
                      Map<String, Double> val, Map<String, Double> test, Map<String, Double> testPerClass,
                      Map<String, String> metricDirections, int bestEpoch, List<EpochPoint> curve, double wallSeconds,
                      double trainSeconds, double evalSeconds, Double timeToTargetSeconds, Integer targetEpoch,
                      double trainSamplesPerSecond, double evalSamplesPerSecond, Long peakRssBytes, long paramsTotal,
                      long paramsTrainable, Long forwardFlopsPerSample, Long trainFlopsPerSample,
                      Double achievedTrainFlopsPerSecond, String featureCache, double featureSeconds, String device,
                      String startedAt, String finishedAt, Map<String, TestScores> otherTests,
                      List<PredictionPicture> pictures) {
        this(cellId, index, label, status, reason, config, configSchema, seed, assets, datasetCounts, val, test,
                testPerClass, metricDirections, bestEpoch, curve, wallSeconds, trainSeconds, evalSeconds,
                timeToTargetSeconds, targetEpoch, trainSamplesPerSecond, evalSamplesPerSecond, peakRssBytes,
                paramsTotal, paramsTrainable, forwardFlopsPerSample, trainFlopsPerSample, achievedTrainFlopsPerSecond,
                featureCache, featureSeconds, device, startedAt, finishedAt, otherTests, pictures,
                null, null, null, null, null);
    }

    /** This record with the GPU usage sampled during its cell. */
    public CellRecord withGpuUsage(GpuUsage gpu) {
        return new CellRecord(cellId, index, label, status, reason, config, configSchema, seed, assets, datasetCounts,
                val, test, testPerClass, metricDirections, bestEpoch, curve, wallSeconds, trainSeconds, evalSeconds,
                timeToTargetSeconds, targetEpoch, trainSamplesPerSecond, evalSamplesPerSecond, peakRssBytes,
                paramsTotal, paramsTrainable, forwardFlopsPerSample, trainFlopsPerSample, achievedTrainFlopsPerSecond,
                featureCache, featureSeconds, device, startedAt, finishedAt, otherTests, pictures,
                gpu.memorySampledPeakBytes(),
                gpu.powerSampledMeanWatts(), gpu.energySampledJoules(), gpu.samples(), gpu.sampling());
    }

    /** The config as the current schema writes it: older records' implicit settings made explicit. */
    public JsonNode currentConfig() {
        int version = ConfigSchema.of(configSchema);
        return version == ConfigSchema.CURRENT ? config : ConfigSchema.upgrade(config, version);
    }

    /** Finished cells are not run again on resume; failed ones are (their failure may be transient). */
    public boolean finished() {
        return OK.equals(status) || DIVERGED.equals(status);
    }
}
