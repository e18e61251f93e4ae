package io.transferbench.cli;

import io.transferbench.BenchException;
import io.transferbench.catalog.Catalog;
import io.transferbench.assets.AssetAccess;
import io.transferbench.assets.AssetCache;
import io.transferbench.assets.AssetService;
import io.transferbench.assets.LocalFiles;
import io.transferbench.assets.NoAssets;
import io.transferbench.suite.FieldOverride;
import io.transferbench.suite.ResolvedSuite;
import io.transferbench.suite.SuiteLoader;
import io.transferbench.train.FeatureStore;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What names a run's suite and where its inputs live: shared by {@code bench} and its worker
 * processes, which must resolve the same suite to the same cells.
 */
final class RunOptions {

    @Option(names = "--suite", paramLabel = "NAME|PATH", description = "Suite name (in --suites-dir) or YAML file.")
    String suite;

    @Option(names = "--profile", defaultValue = SuiteLoader.DEFAULT_PROFILE,
            description = "Profile of the suite: smoke, default, full or one the suite defines (default: ${DEFAULT-VALUE}).")
    String profile;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a suite field, e.g. --set training.epochs=2 or --set grid.freeze=all,0.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
    DeviceChoice device;

    @Option(names = "--lock", defaultValue = "datasets.lock", description = "Asset lock file (default: ${DEFAULT-VALUE}).")
    Path lockFile;

    @Option(names = "--suites-dir", defaultValue = "suites", description = "Where suite names are looked up (default: ${DEFAULT-VALUE}).")
    Path suitesDir;

    @Option(names = "--feature-cache-dir", paramLabel = "DIR",
            description = "Where frozen-stage outputs are kept for later runs and other processes"
                    + " (default: the cache's features/ directory).")
    Path featureCacheDir;

    @Option(names = "--feature-cache-gb", paramLabel = "GB", defaultValue = "8",
            description = "Size limit of the feature cache on disk; least recently used entries go first"
                    + " (default: ${DEFAULT-VALUE}).")
    double featureCacheGb;

    /** The suite with its profile and overrides applied, validated. */
    ResolvedSuite load(Catalog catalog, List<FieldOverride> extra) {
        List<FieldOverride> overrides = new ArrayList<>();
        sets.forEach(s -> overrides.add(FieldOverride.parse(s)));
        overrides.addAll(extra);
        return new SuiteLoader(catalog, suitesDir).load(suite, profile, overrides);
    }

    /** Paths given on the command line that cannot work are refused before anything is loaded. */
    void checkPaths(CommandSpec command) {
        if (command.commandLine().getParseResult().hasMatchedOption("--lock") && !Files.isRegularFile(lockFile)) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "--lock " + lockFile + ": no such file");
        }
        if (command.commandLine().getParseResult().hasMatchedOption("--suites-dir") && !Files.isDirectory(suitesDir)) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "--suites-dir " + suitesDir + ": no such directory");
        }
    }

    /**
     * The locked assets, or none when there is no lock (suites of generated data need none), and
     * the user's own files ({@link LocalFiles}) either way.
     */
    AssetAccess assets(PrintWriter err) {
        return assets(lockFile, err);
    }

    static AssetAccess assets(Path lockFile, PrintWriter err) {
        if (!Files.isRegularFile(lockFile)) {
            return new LocalFiles(new NoAssets(lockFile));
        }
        return new LocalFiles(AssetService.standard(lockFile, line -> {
            err.println(line);
            err.flush();
        }));
    }

    /** Frozen-stage outputs shared on disk, in {@code --feature-cache-dir} up to {@code --feature-cache-gb}. */
    FeatureStore featureStore() {
        Path dir = featureCacheDir != null ? featureCacheDir
                : AssetCache.userCacheRoot(System.getProperties(), System.getenv()).resolve("features");
        return new FeatureStore(dir, (long) (featureCacheGb * (1L << 30)));
    }

    /**
     * These options as given, for a process elsewhere (a container) that has its own suites, lock
     * and caches in its working directory: the suite by name, the profile, device and overrides.
     */
    List<String> asNamed() {
        List<String> args = new ArrayList<>(List.of("--suite", suite, "--profile", profile, "--device", device.name()));
        addSets(args, sets);
        return args;
    }

    /**
     * These options for a worker process, with the suite as resolved here: paths made absolute
     * (a worker may start elsewhere) and every override, {@code extra} ones included.
     */
    List<String> forWorker(Path located, List<String> extraSets) {
        List<String> args = new ArrayList<>(List.of("--suite", located.toAbsolutePath().toString(),
                "--profile", profile, "--device", device.name(), "--lock", lockFile.toAbsolutePath().toString(),
                "--suites-dir", suitesDir.toAbsolutePath().toString(), "--feature-cache-gb", Double.toString(featureCacheGb)));
        if (featureCacheDir != null) {
            args.addAll(List.of("--feature-cache-dir", featureCacheDir.toAbsolutePath().toString()));
        }
        addSets(args, sets);
        addSets(args, extraSets);
        return args;
    }

    private static void addSets(List<String> args, List<String> overrides) {
        overrides.forEach(s -> args.addAll(List.of("--set", s)));
    }
}
