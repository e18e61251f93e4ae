package io.transferbench.run;

import ai.djl.Device;
import io.transferbench.BenchException;
import io.transferbench.catalog.Catalog;
import io.transferbench.assets.AssetAccess;
import io.transferbench.data.DatasetSource;
import io.transferbench.data.Splits;
import io.transferbench.models.ModelFamily;
import io.transferbench.results.CellRecord;
import io.transferbench.results.CsvExport;
import io.transferbench.results.EnvironmentInfo;
import io.transferbench.results.RunStore;
import io.transferbench.suite.Cell;
import io.transferbench.spec.CellSpec;
import io.transferbench.spec.DatasetSpec;
import io.transferbench.suite.Grid;
import io.transferbench.suite.ResolvedSuite;
import io.transferbench.spec.Strategy;
import io.transferbench.train.FeatureStore;
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

    private final Catalog catalog;
    private final AssetAccess assets;
    private final Device device;
    private final FeatureStore featureStore;

    /**
     * @param featureStore where frozen-stage outputs are shared with other processes and later
     *     runs, or null to keep them in this process's memory only
     */
    public SuiteRunner(Catalog catalog, AssetAccess assets, Device device, FeatureStore featureStore) {
        this.catalog = catalog;
        this.assets = assets;
        this.device = device;
        this.featureStore = featureStore;
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

    /**
     * Which cells of the plan to run now, and into which run directory: all of them, those
     * {@code --select} chose, or a cluster task's chunk.
     *
     * @param access {@link RunStore.Access#SHARED} where other processes run cells into the same
     *     directory at the same time (cluster tasks)
     */
    public record Target(Path runDir, List<Cell> selected, RunStore.Access access) {

        /** Every planned cell, run by this process alone. */
        public static Target whole(Path runDir, Grid.Expansion plan) {
            return new Target(runDir, plan.cells(), RunStore.Access.SOLE);
        }
    }

    /**
     * A run directory opened for the cells still to run, with their assets fetched.
     *
     * @param selected the cells this invocation is about (all, unless {@code --select} narrowed them)
     * @param todo those of them without a finished record, and (in a shared directory) not running elsewhere
     */
    public record Opened(RunStore store, List<Cell> selected, List<Cell> todo, int alreadyDone) {}

    /**
     * Opens or resumes the run directory of the whole grid (refusing one that cannot be resumed),
     * and fetches the assets of the selected cells that have no finished record yet.
     */
    public Opened open(ResolvedSuite suite, Grid.Expansion plan, Target target, Progress progress,
                       boolean inWorkers) {
        Map<String, String> settings = new HashMap<>(OneDnnIsaCap.effective(inWorkers));
        settings.putAll(NativeAllocator.effective(inWorkers));
        EnvironmentInfo env = EnvironmentInfo.capture(deviceName(), settings);
        RunStore store = RunStore.open(target.runDir(), suite, plan.cells(), env, target.access());
        Map<String, CellRecord> done = store.records();
        List<Cell> selected = target.selected();
        List<Cell> todo = stillToRun(selected, done, target.access() == RunStore.Access.SHARED
                ? store.runningElsewhere() : java.util.Set.of());
        progress.runStarted(suite.name(), selected.size(), selected.size() - todo.size());
        assets.ensure(fetchedAssetIds(todo));
        LOG.info("ready to train {} s after JVM start (engine {} {} on {})",
                String.format("%.1f", (System.currentTimeMillis()
                        - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000.0),
                env.engine(), env.engineVersion(), env.device());
        return new Opened(store, selected, todo, selected.size() - todo.size());
    }

    /** The cells without a finished record (none yet, or a failed one) that no other process is running. */
    public static List<Cell> stillToRun(List<Cell> cells, Map<String, CellRecord> records,
                                        java.util.Set<String> runningElsewhere) {
        return cells.stream().filter(c -> !(records.containsKey(c.id()) && records.get(c.id()).finished()))
                .filter(c -> !runningElsewhere.contains(c.id())).toList();
    }

    /** Runs every cell without a finished record in this process, one after another. */
    public RunSummary run(ResolvedSuite suite, Grid.Expansion plan, Target target, boolean failFast,
                          Progress progress) {
        Opened opened = open(suite, plan, target, progress, false);
        List<String> extraAxes = extraAxes(suite);
        try (InterruptNotice interrupt = new InterruptNotice(System.err); CellSession session = session()) {
            int position = 0;
            for (Cell cell : opened.todo()) {
                progress.cellStarted(cell, ++position, opened.todo().size());
                interrupt.cellStarted(cell, position, opened.todo().size());
                FinishedCell finished = session.run(cell, progress);
                opened.store().write(finished.record(), finished.files(), extraAxes);
                CellRecord record = finished.record();
                interrupt.cellEnded();
                progress.cellFinished(cell, record);
                if (failFast && CellRecord.FAILED.equals(record.status())) {
                    throw new BenchException(BenchException.EXIT_CELLS_FAILED,
                            "cell " + cell.id() + " failed (" + record.reason() + "); stopping (--fail-fast)");
                }
            }
        }
        return summarise(opened);
    }

    /** Runs every selected cell without a finished record in worker processes ({@link WorkerPool}). */
    public RunSummary runInWorkers(ResolvedSuite suite, Grid.Expansion plan, Target target, boolean failFast,
                                   Progress progress, WorkerPool pool) {
        Opened opened = open(suite, plan, target, progress, true);
        try (InterruptNotice interrupt = new InterruptNotice(System.err)) {
            pool.run(opened.todo(), opened.store(), extraAxes(suite), failFast, interrupt.watching(progress),
                    (cell, why, started) -> CellRecords.of(cell, CellSession.failed(why), null,
                            assetsOf(cell.spec()), null, java.time.Duration.between(started, Instant.now()).toNanos() / 1e9,
                            null, deviceName(), started, Instant.now()));
        }
        return summarise(opened);
    }

    /** A worker process's side of a run: cells named by id, run into a directory its coordinator opened. */
    public final class Worker implements AutoCloseable {
        private final Map<String, Cell> cells = new HashMap<>();
        private final RunStore store;
        private final List<String> extraAxes;
        private final CellSession session = session();

        private Worker(ResolvedSuite suite, Path runDir) {
            // The coordinator already held the grid to its --max-cells; a worker plans what it was given.
            plan(suite, Long.MAX_VALUE).cells().forEach(c -> cells.put(c.id(), c));
            this.store = RunStore.attach(runDir);
            this.extraAxes = extraAxes(suite);
        }

        /** Runs one cell and writes its record; {@code started} is told when the cell's clock starts. */
        public void run(String cellId, Runnable started) {
            Cell cell = cells.get(cellId);
            if (cell == null) {
                throw new BenchException(BenchException.EXIT_BAD_INPUT, "this worker's plan has no cell " + cellId
                        + "; the worker resolved another suite than its coordinator");
            }
            store.markRunning(cellId);
            started.run();
            FinishedCell finished = session.run(cell, (phase, epoch, epochs) -> { });
            store.write(finished.record(), finished.files(), extraAxes);
            store.clearRunning(cellId);
        }

        @Override
        public void close() {
            session.close();
        }
    }

    public Worker worker(ResolvedSuite suite, Path runDir) {
        return new Worker(suite, runDir);
    }

    /**
     * Trains the cell {@code cellId} of the run in {@code runDir} again and writes its chosen
     * weights and their description into {@code outDir} ({@link CellExport}); {@code suite} is the
     * run's own resolved suite. Nothing in the run directory changes.
     */
    public CellExport export(ResolvedSuite suite, Path runDir, CellRecord recorded, Path outDir) {
        String cellId = recorded.cellId();
        if (!CellRecord.OK.equals(recorded.status())) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, runDir + ": cell " + cellId + " is "
                    + recorded.status() + ", not ok; export a cell that trained (bench status " + runDir + " --list)");
        }
        Cell cell = plan(suite, Long.MAX_VALUE).cells().stream().filter(c -> c.id().equals(cellId)).findFirst()
                .orElseThrow(() -> new BenchException(BenchException.EXIT_BAD_INPUT, runDir + ": its suite plans no"
                        + " cell " + cellId + " today: its data, weights or harness changed since the run"));
        assets.ensure(fetchedAssetIds(List.of(cell)));
        try (CellSession session = session()) {
            ModelFamily family = catalog.model(cell.spec().model().name());
            List<String> sourceFormat = new ArrayList<>();
            FinishedCell retrained = session.run(cell, (phase, epoch, epochs) -> { }, net -> {
                CellExport.saveWeights(net, outDir);
                sourceFormat.addAll(family.exportInSourceFormat(net.stages(), cell.spec().model(), assets, outDir));
            });
            Splits splits = session.splitsOf(cell.spec());
            return CellExport.describe(outDir, recorded, retrained.record(), splits.classNames(), splits.inputShape(),
                    sourceFormat);
        }
    }

    /** What cells run in one process share: data, pretrained weights, the feature cache. */
    CellSession session() {
        return new CellSession(catalog, assets, device, deviceName(), featureStore, this::assetsOf);
    }

    /** "cpu" or "gpu0": how records and reports name the device. */
    private String deviceName() {
        return device.isGpu() ? "gpu" + device.getDeviceId() : device.getDeviceType();
    }

    /** The locked assets (not the datasets' code versions) that these cells read. */
    public java.util.Set<String> fetchedAssetIds(List<Cell> cells) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        cells.forEach(c -> assetsOf(c.spec()).keySet().stream().filter(id -> !id.startsWith(CellRecord.DATASET_CODE_PREFIX)).forEach(ids::add));
        return ids;
    }

    private RunSummary summarise(Opened opened) {
        Map<String, CellRecord> records = opened.store().records();
        int ok = 0;
        int diverged = 0;
        int failed = 0;
        for (Cell c : opened.selected()) {
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
        return new RunSummary(opened.store().dir(), opened.selected().size(), opened.alreadyDone(), ok, diverged,
                failed);
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
            used.put(CellRecord.DATASET_CODE_PREFIX + d.name(), source.version());
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
