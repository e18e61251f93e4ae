package io.transferbench.cli;

import io.transferbench.assets.AssetEntry;
import io.transferbench.assets.AssetKind;
import io.transferbench.assets.AssetService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bench assets}: fetch, verify, list and lock the assets of {@code datasets.lock}. Parses
 * and delegates to {@link AssetService}; failures surface as {@code BenchException}s.
 */
@Command(name = "assets", description = "Fetch, verify, list and lock datasets and pretrained weights.",
        mixinStandardHelpOptions = true,
        subcommands = {AssetsCommand.Fetch.class, AssetsCommand.Verify.class, AssetsCommand.ListAssets.class,
                AssetsCommand.Lock.class})
public class AssetsCommand {

    @Option(names = "--lock", description = "Lock file (default: ${DEFAULT-VALUE}).", defaultValue = "datasets.lock")
    Path lockFile;

    @Spec
    CommandSpec spec;

    /** The service for this invocation, printing progress to the command's output. */
    AssetService service() {
        PrintWriter out = spec.commandLine().getOut();
        return AssetService.standard(lockFile, line -> {
            out.println(line);
            out.flush();
        });
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Download and verify assets (all when no id is given).")
    static class Fetch implements Callable<Integer> {
        @ParentCommand
        AssetsCommand parent;

        @Parameters(paramLabel = "ID", arity = "0..*", description = "Asset ids from the lock.")
        List<String> ids = List.of();

        @Option(names = "--suite", paramLabel = "NAME|PATH",
                description = "Fetch what this suite's cells read (all its profiles are not merged: the default).")
        String suite;

        @Option(names = "--suites-dir", defaultValue = "suites", description = "Where suite names are looked up.")
        Path suitesDir;

        @Override
        public Integer call() {
            AssetService service = parent.service();
            List<String> wanted = new java.util.ArrayList<>(ids);
            if (suite != null) {
                var catalog = io.transferbench.catalog.Catalog.discover();
                var resolved = new io.transferbench.suite.SuiteLoader(catalog, suitesDir)
                        .load(suite, io.transferbench.suite.SuiteLoader.DEFAULT_PROFILE, List.of());
                var runner = new io.transferbench.run.SuiteRunner(catalog, service, ai.djl.Device.cpu(), null);
                wanted.addAll(runner.fetchedAssetIds(runner.plan(resolved).cells()));
            }
            service.fetch(wanted.isEmpty() && suite == null ? service.lock().entries().stream()
                    .filter(e -> e.kind() != AssetKind.GENERATOR)
                    .map(AssetEntry::id).toList() : wanted);
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check fetched assets against the lock (all when no id is given); never downloads. Exits 3"
                    + " when a fetched asset does not match; assets not fetched yet are listed as such.")
    static class Verify implements Callable<Integer> {
        @ParentCommand
        AssetsCommand parent;

        @Parameters(paramLabel = "ID", arity = "0..*", description = "Asset ids from the lock.")
        List<String> ids = List.of();

        @Override
        public Integer call() {
            parent.service().verify(ids);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the assets of the lock and whether they are cached.")
    static class ListAssets implements Callable<Integer> {
        @ParentCommand
        AssetsCommand parent;

        @Override
        public Integer call() {
            PrintWriter out = parent.spec.commandLine().getOut();
            for (AssetService.AssetStatus s : parent.service().list()) {
                out.printf("%-28s %-9s %-8s %-14s %s%n", s.id(), s.kind().name().toLowerCase(java.util.Locale.ROOT),
                        s.cached() ? "cached" : "-", s.licence(), s.source());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "lock", mixinStandardHelpOptions = true,
            description = "Recompute an entry's checksums after a deliberate version change.")
    static class Lock implements Callable<Integer> {
        @ParentCommand
        AssetsCommand parent;

        @Parameters(paramLabel = "ID", arity = "1..*", description = "Asset ids whose entries to recompute.")
        List<String> ids;

        @Override
        public Integer call() {
            for (String id : ids) {
                // Each relock rewrites the file, so the next id must start from the updated lock.
                parent.service().relock(id);
            }
            return 0;
        }
    }
}
