package io.transferbench.cli;

import io.transferbench.BenchException;
import io.transferbench.report.ReportWriter;
import io.transferbench.results.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code bench report RUN_DIR}: render a run's HTML report from its records. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render RUN_DIR/index.html from the run's records (cells/*.json, env.json, suite.resolved.yaml).")
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A run directory, e.g. reports/core-demo/default-7bc57530.")
    Path runDir;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the page (default: RUN_DIR/index.html).")
    Path out;

    @Option(names = "--lock", defaultValue = "datasets.lock",
            description = "Asset lock, for licences and provenance (default: ${DEFAULT-VALUE}).")
    Path lockFile;

    @Option(names = "--csv", description = "First rewrite RUN_DIR's CSVs from its records, as cluster runs need at"
            + " the end: their tasks write records only.")
    boolean csv;

    @Override
    public Integer call() {
        if (csv) {
            RunStore.writeCsvs(runDir);
        }
        Path page = new ReportWriter(lockFile).writeRunReport(runDir, out != null ? out : runDir.resolve("index.html"));
        spec.commandLine().getOut().println("Report: " + page);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /**
     * The report at the end of a suite run. Its failure must not hide the run's outcome or its
     * exit code: the records are safe on disk and {@code bench report} can be rerun.
     */
    static void afterRun(Path runDir, Path lockFile, PrintWriter out, PrintWriter err) {
        try {
            out.println("Report: " + new ReportWriter(lockFile).writeRunReport(runDir, runDir.resolve("index.html")));
        } catch (BenchException | IllegalStateException e) {
            err.println("warning: no report written (" + e.getMessage() + "); retry with: bench report " + runDir);
        }
        out.flush();
        err.flush();
    }
}
