package io.transferbench.cli;

import io.transferbench.cluster.ArrayJob;
import io.transferbench.cluster.IndexedJobManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/** {@code bench k8s manifest}: a suite's grid as a Kubernetes Indexed Job. */
@Command(name = "k8s", mixinStandardHelpOptions = true, subcommands = K8sCommand.Manifest.class,
        description = "Run a suite's grid on Kubernetes.")
final class K8sCommand {

    @Command(name = "manifest", mixinStandardHelpOptions = true,
            description = {"Print an Indexed Job that runs the grid, one completion index per chunk of cells, every pod"
                    + " writing its records into one run directory on a shared volume (kubectl apply -f -).",
                    "The suite is named as the image knows it (in its working directory); the grid is planned here,"
                            + " so this harness and the image's must be the same version.",
                    "Once the Job has ended: bench report --csv RUN_DIR on the volume writes the CSVs and the page."})
    static final class Manifest implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        RunOptions run;

        @Mixin
        ArrayOptions array;

        @Option(names = "--image", required = true, paramLabel = "IMAGE",
                description = "Container image with Java 17, bench.jar, suites/ and datasets.lock in --workdir.")
        String image;

        @Option(names = "--workdir", defaultValue = "/opt/transferbench",
                description = "The harness's directory in the image (default: ${DEFAULT-VALUE}).")
        String workdir;

        @Option(names = "--runs-claim", defaultValue = "transferbench-runs",
                description = "ReadWriteMany claim for run directories, at " + IndexedJobManifest.RUNS_MOUNT
                        + " (default: ${DEFAULT-VALUE}).")
        String runsClaim;

        @Option(names = "--cache-claim", defaultValue = "transferbench-cache",
                description = "ReadWriteMany claim for assets and the feature cache, at " + IndexedJobManifest.CACHE_MOUNT
                        + " (default: ${DEFAULT-VALUE}).")
        String cacheClaim;

        @Option(names = "--memory", defaultValue = "8Gi", description = "Memory per pod (default: ${DEFAULT-VALUE}).")
        String memory;

        @Option(names = "--backoff-limit-per-index", defaultValue = "1",
                description = "Retries of a failed index (default: ${DEFAULT-VALUE}).")
        int backoffLimitPerIndex;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            ClusterGrid grid = ClusterGrid.of(run, array, err);
            List<String> task = new ArrayList<>(List.of("java", "-jar", "bench.jar"));
            task.addAll(run.asNamed());
            task.addAll(array.taskArgs(IndexedJobManifest.RUNS_MOUNT, grid.runId()));
            ArrayJob job = new ArrayJob(grid.jobName(), task,
                    IntStream.range(0, grid.chunks().count()).boxed().toList(), array.arrayLimit, array.cpusPerTask,
                    array.gpusPerTask);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("# TransferBench: suite %s, profile %s, %d cell(s) in %d chunk(s) of %d, into %s/%s/%s%n",
                    grid.suite().name(), grid.suite().profile(), grid.chunks().cells().size(), grid.chunks().count(),
                    array.chunk, IndexedJobManifest.RUNS_MOUNT, grid.suite().name(), grid.runId());
            out.print(new IndexedJobManifest(job, image, workdir, runsClaim, cacheClaim, memory, backoffLimitPerIndex)
                    .render());
            out.flush();
            return 0;
        }
    }
}
