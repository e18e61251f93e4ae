package io.transferbench.cli;

import io.transferbench.BenchException;
import io.transferbench.report.ReportWriter;
import io.transferbench.report.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code bench compare RUN_DIR...}: runs of one suite side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare runs of the same suite (other machines or harness versions) side by side: speed-ups,"
                + " time to target, memory, and metric differences with 95%% Welch intervals. The first run is the"
                + " baseline."})
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", arity = "2..*", description = "Run directories; the first is the baseline.")
    List<Path> runDirs;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory of the page (default: reports/<suite>/compare-<run ids>).")
    Path out;

    @Option(names = "--lock", defaultValue = "datasets.lock", description = "Asset lock (default: ${DEFAULT-VALUE}).")
    Path lockFile;

    @Override
    public Integer call() {
        Path dir = out != null ? out : defaultOut();
        Path page = new ReportWriter(lockFile).writeComparison(runDirs, dir);
        spec.commandLine().getOut().println("Comparison: " + page);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** Beside the runs of the first run's suite, named after the runs it compares. */
    private Path defaultOut() {
        RunDirectory first = RunDirectory.read(runDirs.get(0));
        List<String> ids = runDirs.stream().map(d -> d.toAbsolutePath().normalize().getFileName().toString()).toList();
        String name = "compare-" + String.join("-vs-", ids);
        if (name.length() > 120) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "too many runs to name the page after; give --out DIR");
        }
        return Path.of("reports", first.suiteName(), name);
    }
}
