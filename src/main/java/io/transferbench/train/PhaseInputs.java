package io.transferbench.train;

import io.transferbench.data.ExampleSet;
import io.transferbench.data.Splits;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the network takes as input in each phase of a cell: the examples themselves, or the cached
 * outputs of its frozen stages when that is exact (the stages hold the pretrained weights and no
 * augmentation changes the inputs). Records how the cell used the cache and what filling it cost.
 */
final class PhaseInputs {

    private final FeatureCache cache;
    private final WeightSnapshot pretrained;
    private final Splits splits;
    private final ExampleSet trainSet;
    private final boolean cachesFeatures;
    private final int batchSize;
    private ExampleSet train;
    private ExampleSet val;
    private Map<String, ExampleSet> tests;
    private int depth;
    private String featureCache = TrainingOutcome.CACHE_OFF;
    private double featureSeconds;

    /**
     * @param cache the run's cache, or null for none
     * @param trainSet the training split as this cell draws it (its augmentation seeded)
     * @param batchSize how many examples the frozen stages take at once when filling the cache
     */
    PhaseInputs(FeatureCache cache, WeightSnapshot pretrained, Splits splits, ExampleSet trainSet,
                boolean cachesFeatures, int batchSize) {
        this.cache = cache;
        this.pretrained = pretrained;
        this.splits = splits;
        this.trainSet = trainSet;
        this.cachesFeatures = cachesFeatures;
        this.batchSize = batchSize;
    }

    /** Points {@code net} and these inputs at the phase's first trainable stage. */
    void enter(int frozen, TransferNetwork net) {
        boolean cacheable = cache != null && pretrained != null && frozen > 0 && cachesFeatures
                && !trainSet.augmented();
        if (!cacheable) {
            if (cache != null) {
                cache.release();
            }
            net.takeInputsAtDepth(0);
            depth = 0;
            train = trainSet;
            val = splits.val();
            tests = splits.testSets();
            return;
        }
        FeatureCache.Entry entry = cache.find(pretrained, splits, frozen);
        String use = TrainingOutcome.CACHE_REUSED;
        if (entry == null) {
            long t0 = System.nanoTime();
            entry = cache.load(pretrained, splits, frozen, net.stages().size());
            featureSeconds += (System.nanoTime() - t0) / 1e9;
            use = TrainingOutcome.CACHE_LOADED;
        }
        if (entry == null) {
            long t0 = System.nanoTime();
            net.takeInputsAtDepth(0);
            entry = cache.compute(pretrained, splits, frozen, net, batchSize);
            featureSeconds += (System.nanoTime() - t0) / 1e9;
            use = TrainingOutcome.CACHE_COMPUTED;
        }
        // A cell that computed or loaded features in one phase says so, whatever a later phase reused.
        featureCache = featureCache.equals(TrainingOutcome.CACHE_COMPUTED)
                || featureCache.equals(TrainingOutcome.CACHE_LOADED) ? featureCache : use;
        net.takeInputsAtDepth(frozen);
        depth = frozen;
        train = entry.train();
        val = entry.val();
        tests = new LinkedHashMap<>(entry.tests());
    }

    ExampleSet train() {
        return train;
    }

    ExampleSet val() {
        return val;
    }

    /** The evaluation sets by name, {@link Splits#TEST} first. */
    Map<String, ExampleSet> tests() {
        return tests;
    }

    /** The first stage the network runs: 0 on raw examples, the frozen count on cached outputs. */
    int depth() {
        return depth;
    }

    String featureCache() {
        return featureCache;
    }

    double featureSeconds() {
        return featureSeconds;
    }
}
