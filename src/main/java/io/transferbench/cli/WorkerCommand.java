package io.transferbench.cli;

import io.transferbench.catalog.Catalog;
import io.transferbench.run.SuiteRunner;
import io.transferbench.run.WorkerProtocol;
import io.transferbench.suite.ResolvedSuite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bench worker}: the process side of {@code bench --workers N}. Resolves the same suite as
 * its coordinator, then runs the cells named on its standard input into the coordinator's run
 * directory ({@link WorkerProtocol}). Not meant to be run by hand.
 */
@Command(name = WorkerProtocol.SUBCOMMAND, hidden = true, mixinStandardHelpOptions = true,
        description = "Run cells for a coordinating bench process (internal).")
final class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run;

    @Option(names = "--run-dir", required = true, description = "The run directory the coordinator opened.")
    Path runDir;

    @Override
    public Integer call() throws Exception {
        // The protocol owns standard output; everything else a worker says goes to standard error.
        PrintStream protocol = System.out;
        System.setOut(System.err);
        Catalog catalog = Catalog.discover();
        ResolvedSuite resolved = run.load(catalog, List.of());
        SuiteRunner runner = new SuiteRunner(catalog, run.assets(spec.commandLine().getErr()), run.device.resolve(),
                run.featureStore());
        try (SuiteRunner.Worker worker = runner.worker(resolved, runDir)) {
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = commands.readLine()) != null && !line.equals(WorkerProtocol.EXIT)) {
                if (line.startsWith(WorkerProtocol.RUN)) {
                    String cellId = line.substring(WorkerProtocol.RUN.length());
                    worker.run(cellId, () -> {
                        protocol.println(WorkerProtocol.STARTED + cellId);
                        protocol.flush();
                    });
                    protocol.println(WorkerProtocol.DONE + cellId);
                    protocol.flush();
                }
            }
        }
        return 0;
    }
}
