package io.transferbench.cli;

import io.transferbench.BenchException;
import io.transferbench.cluster.ArrayJob;
import io.transferbench.cluster.Sbatch;
import io.transferbench.cluster.SbatchScript;
import io.transferbench.results.ArraySubmission;
import io.transferbench.results.AtomicFiles;
import io.transferbench.results.RunStore;
import io.transferbench.run.WorkerProtocol;
import io.transferbench.suite.Cell;
import io.transferbench.suite.CellChunks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code bench slurm submit}: a suite's grid as a Slurm job array into one shared run directory. */
@Command(name = "slurm", mixinStandardHelpOptions = true, subcommands = SlurmCommand.Submit.class,
        description = "Run a suite's grid on a Slurm cluster.")
final class SlurmCommand {

    @Command(name = "submit", mixinStandardHelpOptions = true,
            description = {"Submit the grid as a job array, one task per chunk of cells, each writing its records into"
                    + " one run directory on a shared filesystem, then a report job that runs after the array however"
                    + " its tasks ended (afterany).",
                    "Submitting again submits only the chunks that still hold a missing or failed cell; it refuses"
                            + " while an earlier array of the run is still queued or running.",
                    "Assets are fetched here first, so compute nodes need no network."})
    static final class Submit implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        RunOptions run;

        @Mixin
        ArrayOptions array;

        @Option(names = "--partition", paramLabel = "P", description = "Partition (default: the cluster's).")
        String partition;

        @Option(names = "--time", paramLabel = "T", description = "Time limit per task, as sbatch takes it (e.g. 2:00:00).")
        String time;

        @Option(names = "--dry-run", description = "Print the batch scripts and change nothing.")
        boolean dryRun;

        @Override
        public Integer call() throws Exception {
            run.checkPaths(spec);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ClusterGrid grid = ClusterGrid.of(run, array, err);
            Path logDir = grid.runDir().resolve(SbatchScript.LOG_DIR);
            if (!dryRun) {
                refuseWhileQueued(grid.runDir());
                RunStore.open(grid.runDir(), grid.suite(), grid.plan().cells(), null, RunStore.Access.SHARED);
            }
            List<Integer> indices = grid.chunksToRun();
            if (indices.isEmpty()) {
                out.println("nothing to submit: every selected cell of " + grid.runDir() + " has its record"
                        + " or is running (bench status " + grid.runDir() + ")");
                out.flush();
                return 0;
            }
            SbatchScript scripts = scripts(grid, indices);
            if (dryRun) {
                out.print(scripts.array());
                out.println();
                out.print(scripts.report());
                out.printf("%n# %d of %d chunk(s) of %d cell(s) would be submitted: sbatch %s, then sbatch"
                                + " --dependency=afterany:<array job> %s%n", indices.size(), grid.chunks().count(),
                        array.chunk, logDir.resolve("array.sbatch"), logDir.resolve("report.sbatch"));
                out.flush();
                return 0;
            }
            grid.assets().ensure(grid.runner().fetchedAssetIds(grid.chunks().cells()));
            Path arrayScript = logDir.resolve("array.sbatch");
            Path reportScript = logDir.resolve("report.sbatch");
            AtomicFiles.write(arrayScript, scripts.array().getBytes(StandardCharsets.UTF_8));
            AtomicFiles.write(reportScript, scripts.report().getBytes(StandardCharsets.UTF_8));
            String arrayJob = Sbatch.submit(arrayScript, List.of());
            String reportJob = Sbatch.submit(reportScript, List.of("--dependency=afterany:" + arrayJob));
            Map<Integer, List<String>> chunks = new TreeMap<>();
            indices.forEach(i -> chunks.put(i, grid.chunks().chunk(i).stream().map(Cell::id).toList()));
            new ArraySubmission(arrayJob, reportJob, Instant.now().toString(), chunks).writeTo(grid.runDir());
            out.printf("submitted array job %s (chunks %s of %d, %d cell(s) each) and report job %s (afterany);"
                            + " run directory %s%n", arrayJob, CellChunks.ranges(indices), grid.chunks().count(),
                    array.chunk, reportJob, grid.runDir());
            out.flush();
            return 0;
        }

        private SbatchScript scripts(ClusterGrid grid, List<Integer> indices) {
            List<String> task = WorkerProtocol.thisProgram(List.of());
            task.addAll(run.forWorker(grid.suite().file(), List.of()));
            task.addAll(array.taskArgs(array.out.toAbsolutePath().normalize().toString(), grid.runId()));
            List<String> report = WorkerProtocol.thisProgram(List.of());
            report.addAll(List.of("report", "--csv", "--lock", run.lockFile.toAbsolutePath().toString(),
                    grid.runDir().toString()));
            ArrayJob job = new ArrayJob(grid.jobName(), task, indices, array.arrayLimit, array.cpusPerTask,
                    array.gpusPerTask);
            return new SbatchScript(job, grid.runDir(), partition, time, report);
        }

        /** A second array beside a live one would run the same cells twice. */
        private static void refuseWhileQueued(Path runDir) {
            List<String> live = ArraySubmission.of(runDir).stream().filter(ArraySubmission::active)
                    .map(ArraySubmission::arrayJob).toList();
            if (!live.isEmpty()) {
                throw new BenchException(BenchException.EXIT_BAD_INPUT, "job(s) " + String.join(", ", live)
                        + " of this run are still queued or running (squeue); wait for them, or scancel them, then"
                        + " submit again");
            }
        }
    }
}
