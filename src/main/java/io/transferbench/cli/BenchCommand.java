package io.transferbench.cli;

import io.transferbench.BenchException;
import io.transferbench.Catalog;
import io.transferbench.Mappers;
import io.transferbench.assets.AssetAccess;
import io.transferbench.assets.AssetService;
import io.transferbench.assets.NoAssets;
import io.transferbench.results.RunId;
import io.transferbench.run.Progress;
import io.transferbench.run.RunSummary;
import io.transferbench.run.SuiteRunner;
import io.transferbench.suite.FieldOverride;
import io.transferbench.suite.Grid;
import io.transferbench.suite.ResolvedSuite;
import io.transferbench.suite.SuiteLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code bench --suite NAME}: run a suite's grid (or show it with --dry-run). */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {ListCommand.class, AssetsCommand.class, ReportCommand.class, CompareCommand.class,
                PublishCommand.class},
        description = "Benchmarks transfer-learning strategies: trains every cell of a suite's grid and records "
                + "quality, time, throughput and memory per cell.",
        footer = {"", "Exit codes: 0 ok, 2 bad usage or bad suite, 3 asset problem, 4 some cells failed.",
                "Rerunning with the same --out and --run-id resumes: finished cells are skipped."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--suite", paramLabel = "NAME|PATH", description = "Suite name (in --suites-dir) or YAML file.")
    String suite;

    @Option(names = "--profile", defaultValue = SuiteLoader.DEFAULT_PROFILE,
            description = "Profile of the suite: smoke, default, full or one the suite defines (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a suite field, e.g. --set training.epochs=2 or --set grid.freeze=all,0.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seeds", split = ",", paramLabel = "SEED", description = "Seeds to run (overrides grid.seeds).")
    List<Long> seeds = new ArrayList<>();

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
    DeviceChoice device;

    @Option(names = "--out", defaultValue = "reports", description = "Root of run directories (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--run-id", description = "Run directory name under OUT/SUITE; default: PROFILE-<config hash>.")
    String runId;

    @Option(names = "--dry-run", description = "Print the expanded grid and exit.")
    boolean dryRun;

    @Option(names = "--fail-fast", description = "Stop at the first failed cell.")
    boolean failFast;

    @Option(names = "--max-cells", paramLabel = "N", defaultValue = "" + SuiteRunner.DEFAULT_MAX_CELLS,
            description = "Refuse a grid of more combinations than this (default: ${DEFAULT-VALUE}).")
    long maxCells;

    @Option(names = "--lock", defaultValue = "datasets.lock", description = "Asset lock file (default: ${DEFAULT-VALUE}).")
    Path lockFile;

    @Option(names = "--suites-dir", defaultValue = "suites", description = "Where suite names are looked up (default: ${DEFAULT-VALUE}).")
    Path suitesDir;

    /** Grids above this size are announced before they expand, which takes a while. */
    private static final long LARGE_GRID = 10_000;
    private static final String SEEDS_AXIS = "grid.seeds";

    @Override
    public Integer call() throws Exception {
        PrintWriter outWriter = spec.commandLine().getOut();
        if (suite == null) {
            spec.commandLine().getErr().println("error: missing --suite NAME|PATH (a suite in "
                    + suitesDir + ", or a YAML file); 'bench list' shows the suites");
            spec.commandLine().usage(spec.commandLine().getErr());
            return BenchException.EXIT_BAD_INPUT;
        }
        checkPaths();
        Catalog catalog = Catalog.discover();
        ResolvedSuite resolved = new SuiteLoader(catalog, suitesDir).load(suite, profile, overrides());
        Path runDir = out.resolve(resolved.name()).resolve(runId != null ? RunId.check(runId) : defaultRunId(resolved));
        long combinations = Grid.combinations(resolved);
        if (combinations > LARGE_GRID && combinations <= maxCells) {
            spec.commandLine().getErr().printf(java.util.Locale.ROOT, "expanding a grid of %,d combinations%n",
                    combinations);
            spec.commandLine().getErr().flush();
        }
        if (dryRun) {
            SuiteRunner planner = new SuiteRunner(catalog, assets(), ai.djl.Device.cpu());
            Grid.Expansion plan = planner.plan(resolved, maxCells);
            outWriter.print(GridTable.render(plan, SuiteRunner.extraAxes(resolved)));
            outWriter.printf("%d cells (%d combinations, %d folded or dropped as equivalent); run directory: %s%n",
                    plan.cells().size(), plan.combinations(), plan.folded(), runDir);
            outWriter.flush();
            return 0;
        }
        SuiteRunner runner = new SuiteRunner(catalog, assets(), device.resolve());
        Grid.Expansion plan = runner.plan(resolved, maxCells);
        RunSummary summary;
        try (Progress progress = Progress.forConsole()) {
            summary = runner.run(resolved, plan, runDir, failFast, progress);
        }
        outWriter.printf("%d cells: %d ok, %d diverged, %d failed (%d were already done). Results: %s%n",
                summary.cells(), summary.ok(), summary.diverged(), summary.failed(), summary.skipped(), summary.runDir());
        ReportCommand.afterRun(summary.runDir(), lockFile, outWriter, spec.commandLine().getErr());
        return summary.failed() > 0 ? BenchException.EXIT_CELLS_FAILED : 0;
    }

    /** --set overrides, then --seeds, which may not also be set through --set grid.seeds. */
    private List<FieldOverride> overrides() {
        List<FieldOverride> overrides = new ArrayList<>();
        sets.forEach(s -> overrides.add(FieldOverride.parse(s)));
        if (!seeds.isEmpty()) {
            if (overrides.stream().anyMatch(o -> o.path().equals(SEEDS_AXIS))) {
                throw new BenchException(BenchException.EXIT_BAD_INPUT, "--seeds and --set " + SEEDS_AXIS
                        + " both set the seeds; give one of them");
            }
            String list = String.join(",", seeds.stream().map(String::valueOf).toList());
            overrides.add(FieldOverride.parse(SEEDS_AXIS + "=" + list, "--seeds " + list));
        }
        return overrides;
    }

    /** Paths given on the command line that cannot work are refused before anything is loaded. */
    private void checkPaths() {
        if (out.toString().isEmpty()) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "--out '': give a directory, e.g. --out reports");
        }
        if (given("--lock") && !Files.isRegularFile(lockFile)) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "--lock " + lockFile + ": no such file");
        }
        if (given("--suites-dir") && !Files.isDirectory(suitesDir)) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "--suites-dir " + suitesDir + ": no such directory");
        }
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** The locked assets, or none when there is no lock (suites of generated data need none). */
    private AssetAccess assets() {
        if (!Files.isRegularFile(lockFile)) {
            return new NoAssets(lockFile);
        }
        PrintWriter err = spec.commandLine().getErr();
        return AssetService.standard(lockFile, line -> {
            err.println(line);
            err.flush();
        });
    }

    /** Same suite, profile and overrides give the same run id, so a plain rerun resumes. */
    static String defaultRunId(ResolvedSuite resolved) throws Exception {
        byte[] canonical = Mappers.canonical(resolved.tree()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
        return resolved.profile() + "-" + HexFormat.of().formatHex(digest, 0, 4);
    }
}
