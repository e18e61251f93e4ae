package io.transferbench.cli;

import io.transferbench.BenchException;
import io.transferbench.results.CellRecord;
import io.transferbench.results.RunPlan;
import io.transferbench.results.RunStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code bench status RUN_DIR}: which cells of a run are done, failed, running or missing. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Count a run's cells by state from its directory: ok, diverged, failed (records), running "
                + "(marked by a live process), queued (in a Slurm array task still queued or running) and missing"
                + " (planned, with none of these).",
                "Exit 0 when every planned cell has its record, 5 otherwise. Rerunning the suite into the same "
                        + "run directory runs only the missing and failed cells."})
final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "A run directory, e.g. reports/core-demo/default-7bc57530.")
    Path runDir;

    @Option(names = "--list", description = "Also list the cells that are not ok, by state.")
    boolean list;

    @Override
    public Integer call() {
        RunStatus status = RunStatus.of(runDir);
        PrintWriter out = spec.commandLine().getOut();
        StringBuilder line = new StringBuilder(runDir.toString()).append(':');
        for (Map.Entry<String, List<RunPlan.PlannedCell>> e : status.byState().entrySet()) {
            line.append(' ').append(e.getValue().size()).append(' ').append(e.getKey());
        }
        out.println(line);
        if (!status.schedulerUnknown().isEmpty()) {
            out.println("(squeue could not tell about array job(s) " + String.join(", ", status.schedulerUnknown())
                    + ": cells waiting in them count as missing)");
        }
        if (!status.planKnown()) {
            out.println("(no " + RunPlan.FILE + ": a run directory from an older harness;"
                    + " missing cells cannot be told)");
        }
        if (list) {
            status.byState().forEach((state, cells) -> {
                if (!state.equals(CellRecord.OK)) {
                    cells.forEach(c -> out.println(state + "\t" + c.label() + " [" + c.cellId() + "]"));
                }
            });
        }
        out.flush();
        return status.complete() ? 0 : BenchException.EXIT_INCOMPLETE;
    }
}
