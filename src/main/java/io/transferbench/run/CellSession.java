package io.transferbench.run;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.transferbench.BenchException;
import io.transferbench.catalog.Catalog;
import io.transferbench.assets.AssetAccess;
import io.transferbench.data.Splits;
import io.transferbench.results.CellRecord;
import io.transferbench.results.TestOutcomesFile;
import io.transferbench.results.GpuUsage;
import io.transferbench.results.GpuUsageSampler;
import io.transferbench.results.MemoryProbe;
import io.transferbench.suite.Cell;
import io.transferbench.spec.CellSpec;
import io.transferbench.spec.Strategy;
import io.transferbench.tasks.MetricSpec;
import io.transferbench.train.CellTrainer;
import io.transferbench.train.FeatureCache;
import io.transferbench.train.FeatureStore;
import io.transferbench.train.TrainingOutcome;
import io.transferbench.train.TransferNetwork;
import io.transferbench.train.WeightSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What the cells run in one process share: prepared datasets, pretrained weights and the feature
 * cache, each made once. {@link #run} trains one cell and returns its record; preparing a cell's
 * data and weights happens before its clock starts.
 */
final class CellSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CellSession.class);

    private final Catalog catalog;
    private final String deviceName;
    private final Function<CellSpec, Map<String, String>> assetsOf;
    private final PreparedData data;
    private final MemoryProbe memory = new MemoryProbe();
    private final GpuUsageSampler gpu;
    private final NDManager cacheManager;
    private final FeatureCache features;
    private final PretrainedWeights pretrained;
    private final CellTrainer trainer;

    CellSession(Catalog catalog, AssetAccess assets, Device device, String deviceName, FeatureStore store,
                Function<CellSpec, Map<String, String>> assetsOf) {
        this.catalog = catalog;
        this.deviceName = deviceName;
        this.assetsOf = assetsOf;
        this.data = new PreparedData(catalog, assets);
        this.cacheManager = NDManager.newBaseManager(device);
        this.features = new FeatureCache(cacheManager, FeatureCache.DEFAULT_BUDGET_BYTES, store, data::identityOf);
        this.pretrained = new PretrainedWeights(catalog, assets, device, data);
        this.trainer = new CellTrainer(device, features);
        this.gpu = GpuUsageSampler.forDevice(device);
    }

    /**
     * Trains and evaluates one cell; a cell that fails is recorded as failed, not thrown. The
     * record comes with the picture files it lists.
     */
    FinishedCell run(Cell cell, CellTrainer.Listener listener) {
        return run(cell, listener, null);
    }

    /** {@link #run}, handing the network with its chosen weights to {@code trained} (to export them); may be null. */
    FinishedCell run(Cell cell, CellTrainer.Listener listener, Consumer<TransferNetwork> trained) {
        CellSpec spec = cell.spec();
        Splits splits = data.forModel(spec.dataset(), spec.task(), spec.model());
        WeightSnapshot start = spec.strategy() == Strategy.SCRATCH ? null : pretrained.forCell(spec, splits.inputShape());
        features.release();
        memory.reset();
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        TrainingOutcome outcome;
        GpuUsage gpuUsage;
        try (GpuUsageSampler.Window sampled = gpu.start()) {
            try {
                outcome = trainer.train(spec, splits, catalog.task(spec.task()), catalog.model(spec.model().name()),
                        start, listener, trained);
            } catch (BenchException e) {
                throw e;
            } catch (RuntimeException | OutOfMemoryError e) {
                // EngineException (PyTorch errors, native out-of-memory) lands here too
                LOG.debug("cell {} failed", cell.id(), e);
                outcome = failed(e instanceof OutOfMemoryError ? "out of memory: " + e.getMessage()
                        : e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            gpuUsage = sampled.stop();
        }
        CellRecord record = CellRecords.of(cell, outcome, splits.counts(), assetsOf.apply(spec),
                MetricSpec.directions(catalog.task(spec.task()).metrics()), (System.nanoTime() - t0) / 1e9,
                memory.peakBytes(), deviceName, started, Instant.now()).withGpuUsage(gpuUsage);
        Map<String, byte[]> files = new LinkedHashMap<>(PictureFiles.encode(cell.id(), outcome.drawings()));
        if (outcome.test() != null && outcome.test().outcomes() != null) {
            files.put(TestOutcomesFile.of(cell.id()), outcome.test().outcomes().csv());
        }
        return new FinishedCell(record, files);
    }

    /** The cell's data as this session prepared it (prepared once, so asking again costs nothing). */
    Splits splitsOf(CellSpec spec) {
        return data.forModel(spec.dataset(), spec.task(), spec.model());
    }

    static TrainingOutcome failed(String reason) {
        return new TrainingOutcome(TrainingOutcome.FAILED, reason, 0, null, null, List.of(), 0, 0, 0, 0, null, null, 0,
                0, null, null, TrainingOutcome.CACHE_OFF, 0, Map.of(), List.of());
    }

    @Override
    public void close() {
        try (cacheManager; features; pretrained) {
            // closes the pretrained weights, then the cache, then the manager they live in
        }
    }
}
