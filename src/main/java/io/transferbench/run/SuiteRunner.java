package io.transferbench.run;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.transferbench.BenchException;
import io.transferbench.Catalog;
import io.transferbench.Mappers;
import io.transferbench.assets.AssetAccess;
import io.transferbench.data.DatasetSource;
import io.transferbench.data.Splits;
import io.transferbench.models.ModelFamily;
import io.transferbench.results.CellRecord;
import io.transferbench.results.CsvExport;
import io.transferbench.results.EnvironmentInfo;
import io.transferbench.results.MemoryProbe;
import io.transferbench.results.RunStore;
import io.transferbench.suite.Cell;
import io.transferbench.suite.CellSpec;
import io.transferbench.suite.DatasetSpec;
import io.transferbench.suite.Grid;
import io.transferbench.suite.ModelSpec;
import io.transferbench.suite.ResolvedSuite;
import io.transferbench.suite.Strategy;
import io.transferbench.train.CellTrainer;
import io.transferbench.train.FeatureCache;
import io.transferbench.train.TrainingOutcome;
import io.transferbench.train.WeightSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a suite's grid into a run directory: prepares data and pretrained weights once, then
 * trains every cell that has no finished record, writing each record as soon as the cell ends.
 * A failing cell is recorded and the grid goes on, unless fail-fast is asked for.
 */
public final class SuiteRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SuiteRunner.class);

    /** Key prefix in a record's asset map for datasets made by code rather than fetched. */
    private static final String GENERATED = "dataset:";

    private final Catalog catalog;
    private final AssetAccess assets;
    private final Device device;

    public SuiteRunner(Catalog catalog, AssetAccess assets, Device device) {
        this.catalog = catalog;
        this.assets = assets;
        this.device = device;
    }

    /** The most combinations a grid may span unless the user raises the limit (--max-cells). */
    public static final long DEFAULT_MAX_CELLS = 100_000;

    /** Expands the grid, refusing one of more than {@link #DEFAULT_MAX_CELLS} combinations. */
    public Grid.Expansion plan(ResolvedSuite suite) {
        return plan(suite, DEFAULT_MAX_CELLS);
    }

    /**
     * Expands the grid; cell ids include the checksums of every asset a cell uses. The grid's size
     * is checked first: expanding 10^8 combinations would exhaust the heap before saying anything.
     */
    public Grid.Expansion plan(ResolvedSuite suite, long maxCells) {
        long combinations = Grid.combinations(suite);
        if (combinations > maxCells) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, String.format(java.util.Locale.ROOT,
                    "suite %s: the grid has %,d combinations (the product of its axis lengths), more than the limit of"
                            + " %,d; narrow it (a profile, or --set grid.AXIS=...) or raise the limit with --max-cells %d",
                    suite.name(), combinations, maxCells, combinations));
        }
        return Grid.expand(suite, model -> catalog.model(model.name()).stageCount(model), this::assetFingerprint);
    }

    /** The grid's axes beyond the standard ones, for CSV columns. */
    public static List<String> extraAxes(ResolvedSuite suite) {
        return CsvExport.extraAxes(suite.tree().get("grid"));
    }

    public RunSummary run(ResolvedSuite suite, Grid.Expansion plan, Path runDir, boolean failFast, Progress progress) {
        EnvironmentInfo env = EnvironmentInfo.capture(deviceName());
        RunStore store = RunStore.open(runDir, suite, env);
        Map<String, CellRecord> done = store.records();
        List<Cell> todo = plan.cells().stream()
                .filter(c -> !(done.containsKey(c.id()) && done.get(c.id()).finished())).toList();
        List<String> extraAxes = extraAxes(suite);
        progress.runStarted(suite.name(), plan.cells().size(), plan.cells().size() - todo.size());

        assets.ensure(fetchedAssetIds(todo));
        LOG.info("ready to train {} s after JVM start (engine {} {} on {})",
                String.format("%.1f", (System.currentTimeMillis()
                        - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0),
                env.engine(), env.engineVersion(), env.device());

        PreparedData data = new PreparedData(catalog, assets);
        MemoryProbe memory = new MemoryProbe();
        try (InterruptNotice interrupt = new InterruptNotice(System.err);
             NDManager cacheManager = NDManager.newBaseManager(device);
             FeatureCache features = new FeatureCache(cacheManager, FeatureCache.DEFAULT_BUDGET_BYTES);
             PretrainedWeights pretrained = new PretrainedWeights(catalog, assets, device, data::forModel)) {
            CellTrainer trainer = new CellTrainer(device, features);
            int position = 0;
            for (Cell cell : todo) {
                position++;
                CellSpec spec = cell.spec();
                Splits splits = data.forModel(spec.dataset(), spec.model());
                WeightSnapshot start = spec.strategy() == Strategy.SCRATCH
                        ? null : pretrained.forCell(spec, splits.inputShape());
                progress.cellStarted(cell, position, todo.size());
                interrupt.cellStarted(cell, position, todo.size());
                memory.reset();
                Instant started = Instant.now();
                long t0 = System.nanoTime();
                TrainingOutcome outcome;
                try {
                    outcome = trainer.train(spec, splits, catalog.task(spec.task()), catalog.model(spec.model().name()),
                            start, progress, null);
                } catch (BenchException e) {
                    throw e;
                } catch (RuntimeException | OutOfMemoryError e) {
                    // EngineException (PyTorch errors, native out-of-memory) lands here too
                    LOG.debug("cell {} failed", cell.id(), e);
                    outcome = failed(e);
                }
                CellRecord record = CellRecords.of(cell, outcome, splits, assetsOf(spec), (System.nanoTime() - t0) / 1e9,
                        memory.peakBytes(), deviceName(), started, Instant.now());
                store.write(record, extraAxes);
                interrupt.cellEnded();
                progress.cellFinished(cell, record);
                if (failFast && CellRecord.FAILED.equals(record.status())) {
                    throw new BenchException(BenchException.EXIT_CELLS_FAILED,
                            "cell " + cell.id() + " failed (" + record.reason() + "); stopping (--fail-fast)");
                }
            }
        }
        return summarise(store, plan, plan.cells().size() - todo.size());
    }

    /** "cpu" or "gpu0": how records and reports name the device. */
    private String deviceName() {
        return device.isGpu() ? "gpu" + device.getDeviceId() : device.getDeviceType();
    }

    /** The locked assets (not generated data) that these cells read. */
    public java.util.Set<String> fetchedAssetIds(List<Cell> cells) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        cells.forEach(c -> assetsOf(c.spec()).keySet().stream().filter(id -> !id.startsWith(GENERATED)).forEach(ids::add));
        return ids;
    }

    private static TrainingOutcome failed(Throwable e) {
        String reason = e instanceof OutOfMemoryError ? "out of memory: " + e.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new TrainingOutcome(TrainingOutcome.FAILED, reason, 0, null, null, List.of(),
                0, 0, 0, 0, null, null, 0, 0, null, null, TrainingOutcome.CACHE_OFF, 0);
    }

    private RunSummary summarise(RunStore store, Grid.Expansion plan, int skipped) {
        Map<String, CellRecord> records = store.records();
        int ok = 0;
        int diverged = 0;
        int failed = 0;
        for (Cell c : plan.cells()) {
            CellRecord r = records.get(c.id());
            if (r == null) {
                continue;
            }
            switch (r.status()) {
                case CellRecord.OK -> ok++;
                case CellRecord.DIVERGED -> diverged++;
                default -> failed++;
            }
        }
        return new RunSummary(store.dir(), plan.cells().size(), skipped, ok, diverged, failed);
    }

    /** Asset id to checksum for everything a cell reads; generators are identified by their version. */
    private Map<String, String> assetsOf(CellSpec spec) {
        Map<String, String> used = new TreeMap<>();
        List<DatasetSpec> datasets = new ArrayList<>(List.of(spec.dataset()));
        if (spec.model().pretrain() != null) {
            datasets.add(spec.model().pretrain().dataset());
        }
        for (DatasetSpec d : datasets) {
            DatasetSource source = catalog.dataset(d.name());
            used.put(GENERATED + d.name(), source.version());
            source.assetIds(d).forEach(id -> used.put(id, assets.checksum(id)));
        }
        ModelFamily family = catalog.model(spec.model().name());
        if (spec.strategy() != Strategy.SCRATCH) {
            family.weightAssetIds(spec.model()).forEach(id -> used.put(id, assets.checksum(id)));
        }
        return used;
    }

    private String assetFingerprint(CellSpec spec) {
        return assetsOf(spec).toString();
    }
}
