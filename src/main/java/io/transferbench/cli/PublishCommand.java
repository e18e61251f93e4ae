package io.transferbench.cli;

import io.transferbench.report.ReportWriter;
import io.transferbench.report.SitePublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code bench publish --site DIR}: the static website of every run and comparison. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Build a static website from every run under --reports: an index of suites, runs and machines,"
                + " each run's report and comparisons of runs of the same suite. Links are relative: serve DIR from any"
                + " static host or open DIR/index.html from disk."})
final class PublishCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--site", required = true, paramLabel = "DIR",
            description = "Output directory; must be new, empty or an earlier site (it is rebuilt).")
    Path site;

    @Option(names = "--reports", defaultValue = "reports", paramLabel = "DIR",
            description = "Root of the run directories, laid out <suite>/<run-id>/ (default: ${DEFAULT-VALUE}).")
    Path reports;

    @Option(names = "--lock", defaultValue = "datasets.lock", description = "Asset lock (default: ${DEFAULT-VALUE}).")
    Path lockFile;

    @Override
    public Integer call() {
        SitePublisher.Published published = new SitePublisher(new ReportWriter(lockFile)).publish(reports, site);
        spec.commandLine().getOut().printf("Site: %s (%d runs, %d comparisons)%n", published.index(), published.runs(),
                published.comparisons());
        if (!published.kept().isEmpty()) {
            spec.commandLine().getOut().println("Kept files publish did not write: " + String.join(", ", published.kept()));
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
