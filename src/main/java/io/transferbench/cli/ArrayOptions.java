package io.transferbench.cli;

import io.transferbench.run.SuiteRunner;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** How a grid is cut into cluster tasks and what each task gets: shared by the Slurm and Kubernetes commands. */
final class ArrayOptions {

    @Option(names = "--out", defaultValue = "reports", description = "Root of run directories (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--run-id", description = "Run directory name under OUT/SUITE; default: PROFILE-<config hash>, as bench's.")
    String runId;

    @Option(names = "--select", paramLabel = "AXIS=VALUE[,VALUE...]", description = "Only the cells with these values.")
    List<String> select = new ArrayList<>();

    @Option(names = "--chunk", paramLabel = "C", defaultValue = "1",
            description = "Cells per task, in grid order (default: ${DEFAULT-VALUE}).")
    int chunk;

    @Option(names = "--array-limit", paramLabel = "K", defaultValue = "0",
            description = "Tasks that may run at once; 0 leaves it to the scheduler (default: ${DEFAULT-VALUE}).")
    int arrayLimit;

    @Option(names = "--cpus-per-task", paramLabel = "N", defaultValue = "2",
            description = "Cores per task, which are also its engine threads (default: ${DEFAULT-VALUE}).")
    int cpusPerTask;

    @Option(names = "--gpus-per-task", paramLabel = "G", defaultValue = "0",
            description = "GPUs per task (default: ${DEFAULT-VALUE}).")
    int gpusPerTask;

    @Option(names = "--max-cells", paramLabel = "N", defaultValue = "" + SuiteRunner.DEFAULT_MAX_CELLS,
            description = "Refuse a grid of more combinations than this (default: ${DEFAULT-VALUE}).")
    long maxCells;

    /** bench's options for one task after the suite's: its directory, its share of the grid, its threads. */
    List<String> taskArgs(String outDir, String id) {
        List<String> args = new ArrayList<>(List.of("--out", outDir, "--run-id", id));
        select.forEach(s -> args.addAll(List.of("--select", s)));
        args.addAll(List.of("--chunk", Integer.toString(chunk), "--workers", "1",
                "--threads", Integer.toString(cpusPerTask), "--array-task"));
        return args;
    }
}
