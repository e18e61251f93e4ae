package io.transferbench.cli;

import io.transferbench.BenchException;
import io.transferbench.catalog.Catalog;
import io.transferbench.spec.ScheduleKind;
import io.transferbench.spec.Strategy;
import io.transferbench.suite.SuiteLoader;
import io.transferbench.suite.YamlReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code bench list}: what suites, tasks, models, datasets, strategies and schedules exist. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List suites, tasks, models, datasets, strategies and schedules.")
final class ListCommand implements Callable<Integer> {

    @ParentCommand
    BenchCommand parent;

    @Option(names = "--suites-dir", description = "Where suites live (default: the main command's).")
    Path suitesDir;

    @Override
    public Integer call() {
        PrintWriter out = parent.spec.commandLine().getOut();
        Catalog catalog = Catalog.discover();
        Path dir = suitesDir != null ? suitesDir : parent.run.suitesDir;
        if ((suitesDir != null || parent.spec.commandLine().getParseResult().hasMatchedOption("--suites-dir"))
                && !Files.isDirectory(dir)) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "--suites-dir " + dir + ": no such directory");
        }
        out.println("Suites (" + dir + "):");
        SuiteLoader loader = new SuiteLoader(catalog, dir);
        for (String name : loader.knownSuites()) {
            out.printf("  %-24s %s%n", name, describe(loader.locate(name)));
        }
        out.println("Tasks:");
        catalog.servedTasks().values().forEach(t -> out.printf("  %-24s %s%n", t.name(), t.description()));
        out.println("Models:");
        catalog.models().values().forEach(m -> out.printf("  %-24s %s%n", m.name(), m.description()));
        out.println("Datasets:");
        catalog.datasets().values().forEach(d -> out.printf("  %-24s %s%n", d.name(), d.description()));
        out.println("Strategies: " + String.join(", ", Strategy.labels()));
        out.println("Schedules:  " + String.join(", ", ScheduleKind.ALL));
        out.flush();
        return 0;
    }

    private static String describe(Path suiteFile) {
        try {
            var tree = YamlReader.read(suiteFile.toString(), Files.readString(suiteFile)).root();
            return tree.path("description").asText("").lines().findFirst().orElse("");
        } catch (IOException | RuntimeException e) {
            return "(unreadable: " + e.getMessage().lines().findFirst().orElse("") + ")";
        }
    }
}
