package io.transferbench.cli;

import io.transferbench.BenchException;
import io.transferbench.catalog.Catalog;
import io.transferbench.Mappers;
import io.transferbench.results.RunId;
import io.transferbench.run.Progress;
import io.transferbench.run.OneDnnIsaCap;
import io.transferbench.run.RunSummary;
import io.transferbench.run.SuiteRunner;
import io.transferbench.results.RunStore;
import io.transferbench.suite.Cell;
import io.transferbench.suite.CellChunks;
import io.transferbench.suite.CellSelection;
import io.transferbench.suite.FieldOverride;
import io.transferbench.suite.Grid;
import io.transferbench.suite.ResolvedSuite;
import io.transferbench.run.WorkerPool;
import io.transferbench.run.WorkerProtocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code bench --suite NAME}: run a suite's grid (or show it with --dry-run). */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {ListCommand.class, AssetsCommand.class, ReportCommand.class, CompareCommand.class,
                PublishCommand.class, StatusCommand.class, SlurmCommand.class, K8sCommand.class,
                WorkerCommand.class, ExportCommand.class},
        description = "Benchmarks transfer-learning strategies: trains every cell of a suite's grid and records "
                + "quality, time, throughput and memory per cell.",
        footer = {"", "Exit codes: 0 ok, 2 bad usage or bad suite, 3 asset problem, 4 some cells failed.",
                "Rerunning with the same --out and --run-id resumes: finished cells are skipped."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run;

    @Option(names = "--seeds", split = ",", paramLabel = "SEED", description = "Seeds to run (overrides grid.seeds).")
    List<Long> seeds = new ArrayList<>();

    @Option(names = "--out", defaultValue = "reports", description = "Root of run directories (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--run-id", description = "Run directory name under OUT/SUITE; default: PROFILE-<config hash>.")
    String runId;

    @Option(names = "--dry-run", description = "Print the expanded grid and exit.")
    boolean dryRun;

    @Option(names = "--fail-fast", description = "Stop at the first failed cell.")
    boolean failFast;

    @Option(names = "--select", paramLabel = "AXIS=VALUE[,VALUE...]",
            description = "Run only the cells with these values (e.g. --select freeze=all,0 --select strategy=lp-ft),"
                    + " into the whole grid's run directory.")
    List<String> select = new ArrayList<>();

    @Option(names = "--max-cells", paramLabel = "N", defaultValue = "" + SuiteRunner.DEFAULT_MAX_CELLS,
            description = "Refuse a grid of more combinations than this (default: ${DEFAULT-VALUE}).")
    long maxCells;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "1",
            description = "Worker processes that run cells, each with its share of the cores; a worker that dies"
                    + " costs only its cell. 0 runs cells in this process (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--threads", paramLabel = "T",
            description = "Engine threads per worker (default: the cores divided among the workers). Results depend"
                    + " on it in the last digits, as float sums do on their order.")
    Integer threads;

    @Option(names = "--cells-per-worker", paramLabel = "K", defaultValue = "16",
            description = "Cells a worker runs before a fresh one replaces it (default: ${DEFAULT-VALUE}).")
    int cellsPerWorker;

    @Option(names = "--array-task", paramLabel = "INDEX",
            description = "Run only chunk INDEX of the (selected) grid, as one task of a cluster array, into a run"
                    + " directory other tasks share: records only; 'bench report --csv' finishes the run."
                    + " 'bench slurm submit' and 'bench k8s manifest' write the command lines.")
    Integer arrayTask;

    @Option(names = "--chunk", paramLabel = "C", defaultValue = "1",
            description = "Cells per array task, in grid order (default: ${DEFAULT-VALUE}).")
    int chunk;

    /** Grids above this size are announced before they expand, which takes a while. */
    private static final long LARGE_GRID = 10_000;
    private static final String SEEDS_AXIS = "grid.seeds";

    @Override
    public Integer call() throws Exception {
        PrintWriter outWriter = spec.commandLine().getOut();
        if (run.suite == null) {
            spec.commandLine().getErr().println("error: missing --suite NAME|PATH (a suite in "
                    + run.suitesDir + ", or a YAML file); 'bench list' shows the suites");
            spec.commandLine().usage(spec.commandLine().getErr());
            return BenchException.EXIT_BAD_INPUT;
        }
        if (workers < 0 || cellsPerWorker < 1 || threads != null && threads < 1) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "--workers must be 0 or more, --cells-per-worker and"
                    + " --threads 1 or more; got " + workers + ", " + cellsPerWorker + " and " + threads);
        }
        if (out.toString().isEmpty()) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "--out '': give a directory, e.g. --out reports");
        }
        run.checkPaths(spec);
        Catalog catalog = Catalog.discover();
        FieldOverride seedOverride = seedOverride();
        ResolvedSuite resolved = run.load(catalog, seedOverride == null ? List.of() : List.of(seedOverride));
        Path runDir = out.resolve(resolved.name()).resolve(runId != null ? RunId.check(runId) : defaultRunId(resolved));
        long combinations = Grid.combinations(resolved);
        PrintWriter err = spec.commandLine().getErr();
        if (combinations > LARGE_GRID && combinations <= maxCells) {
            err.printf(java.util.Locale.ROOT, "expanding a grid of %,d combinations%n", combinations);
            err.flush();
        }
        if (dryRun) {
            SuiteRunner planner = new SuiteRunner(catalog, run.assets(err), ai.djl.Device.cpu(), null);
            Grid.Expansion plan = planner.plan(resolved, maxCells);
            outWriter.print(GridTable.render(plan, SuiteRunner.extraAxes(resolved)));
            outWriter.printf("%d cells (%d combinations, %d folded or dropped as equivalent); run directory: %s%n",
                    plan.cells().size(), plan.combinations(), plan.folded(), runDir);
            outWriter.flush();
            return 0;
        }
        SuiteRunner runner = new SuiteRunner(catalog, run.assets(err), run.device.resolve(), run.featureStore());
        Grid.Expansion plan = runner.plan(resolved, maxCells);
        SuiteRunner.Target target = target(runDir, plan);
        RunSummary summary;
        try (Progress progress = Progress.forConsole()) {
            if (workers == 0) {
                OneDnnIsaCap.warningForThisProcess().ifPresent(w -> err.println("warning: " + w));
                summary = runner.run(resolved, plan, target, failFast, progress);
            } else {
                int perWorker = threads != null ? threads : WorkerProtocol.threadsPerWorker(workers);
                List<String> args = new ArrayList<>(run.forWorker(resolved.file(),
                        seedOverride == null ? List.of() : List.of(seedSpec())));
                args.addAll(List.of("--run-dir", runDir.toAbsolutePath().toString()));
                WorkerPool pool = new WorkerPool(WorkerProtocol.command(args, perWorker, runDir),
                        WorkerProtocol.environment(perWorker), workers, cellsPerWorker, System.err);
                summary = runner.runInWorkers(resolved, plan, target, failFast, progress, pool);
            }
        }
        outWriter.printf("%d cells: %d ok, %d diverged, %d failed (%d were already done). Results: %s%n",
                summary.cells(), summary.ok(), summary.diverged(), summary.failed(), summary.skipped(), summary.runDir());
        if (arrayTask == null) {
            ReportCommand.afterRun(summary.runDir(), run.lockFile, outWriter, err);
        }
        return summary.failed() > 0 ? BenchException.EXIT_CELLS_FAILED : 0;
    }

    /** The selected cells, or an array task's chunk of them, shared with the other tasks. */
    private SuiteRunner.Target target(Path runDir, Grid.Expansion plan) {
        List<Cell> selected = CellSelection.parse(select, plan.cells()).of(plan.cells());
        if (arrayTask == null) {
            return new SuiteRunner.Target(runDir, selected, RunStore.Access.SOLE);
        }
        return new SuiteRunner.Target(runDir, new CellChunks(selected, chunk).chunk(arrayTask), RunStore.Access.SHARED);
    }

    /** --seeds as an override, which may not also be set through --set grid.seeds; null without --seeds. */
    private FieldOverride seedOverride() {
        if (seeds.isEmpty()) {
            return null;
        }
        if (run.sets.stream().map(FieldOverride::parse).anyMatch(o -> o.path().equals(SEEDS_AXIS))) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "--seeds and --set " + SEEDS_AXIS
                    + " both set the seeds; give one of them");
        }
        return FieldOverride.parse(seedSpec(), "--seeds " + String.join(",", seeds.stream().map(String::valueOf).toList()));
    }

    /** {@code grid.seeds=1,2,3}: how workers get the seeds of {@code --seeds}. */
    private String seedSpec() {
        return SEEDS_AXIS + "=" + String.join(",", seeds.stream().map(String::valueOf).toList());
    }

    /** Same suite, profile and overrides give the same run id, so a plain rerun resumes. */
    static String defaultRunId(ResolvedSuite resolved) throws Exception {
        byte[] canonical = Mappers.canonical(resolved.tree()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
        return resolved.profile() + "-" + HexFormat.of().formatHex(digest, 0, 4);
    }
}
