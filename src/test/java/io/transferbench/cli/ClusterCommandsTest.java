package io.transferbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.transferbench.Mappers;
import io.transferbench.RunRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cluster commands' output and an array task's share of a run, without a scheduler; the
 * real-Slurm test (SlurmClusterTest) submits them.
 */
class ClusterCommandsTest {

    @TempDir
    Path dir;

    private final CapturedCli cli = new CapturedCli();

    @Test
    void slurmDryRunPrintsBothScriptsAndWritesNothing() {
        Path runs = dir.resolve("runs");
        assertEquals(0, cli.bench("slurm", "submit", "--suite", "core-demo", "--profile", "smoke", "--out", runs.toString(),
                "--run-id", "r", "--chunk", "2", "--array-limit", "2", "--partition", "gpu", "--gpus-per-task", "1",
                "--time", "1:00:00", "--dry-run"), cli.err::toString);
        String scripts = cli.out.toString();
        assertTrue(scripts.contains("#SBATCH --array=0-2%2\n"), scripts);
        assertTrue(scripts.contains("#SBATCH --partition=gpu\n") && scripts.contains("#SBATCH --gpus-per-task=1\n")
                && scripts.contains("#SBATCH --time=1:00:00\n") && scripts.contains("#SBATCH --cpus-per-task=2\n"), scripts);
        assertTrue(scripts.contains("--chunk 2 --workers 1 --threads 2 --array-task \"$SLURM_ARRAY_TASK_ID\"\n"), scripts);
        assertTrue(scripts.contains("--run-id r ") && scripts.contains("--out " + runs.toAbsolutePath()), scripts);
        assertTrue(scripts.contains("report --csv --lock ") && scripts.contains("#SBATCH --job-name=tb-core-demo-r-report"),
                scripts);
        assertTrue(scripts.contains("3 of 3 chunk(s)"), scripts);
        assertFalse(Files.exists(runs), "a dry run writes nothing");
    }

    @Test
    void k8sManifestIsAnIndexedJobOverTheChunks() throws Exception {
        assertEquals(0, cli.bench("k8s", "manifest", "--suite", "core-demo", "--profile", "smoke", "--run-id", "r",
                "--chunk", "4", "--array-limit", "8", "--gpus-per-task", "1", "--image", "registry.example/tb:1"),
                cli.err::toString);
        JsonNode job = Mappers.YAML.readTree(cli.out.toString());
        assertEquals("Job", job.path("kind").asText());
        assertEquals("tb-core-demo-r", job.path("metadata").path("name").asText());
        JsonNode spec = job.path("spec");
        assertEquals("Indexed", spec.path("completionMode").asText());
        assertEquals(2, spec.path("completions").asInt(), "6 cells in chunks of 4");
        assertEquals(2, spec.path("parallelism").asInt(), "no more pods than indices");
        assertEquals(1, spec.path("backoffLimitPerIndex").asInt());
        JsonNode pod = spec.path("template").path("spec");
        assertEquals("Never", pod.path("restartPolicy").asText());
        JsonNode container = pod.path("containers").get(0);
        assertEquals("registry.example/tb:1", container.path("image").asText());
        String command = container.path("command").get(2).asText();
        assertTrue(command.startsWith("exec java -jar bench.jar --suite core-demo --profile smoke "), command);
        assertTrue(command.endsWith("--out /runs --run-id r --chunk 4 --workers 1 --threads 2 --array-task"
                + " \"$JOB_COMPLETION_INDEX\""), command);
        assertEquals("1", container.path("resources").path("limits").path("nvidia.com/gpu").asText());
        assertEquals("/cache", container.path("env").get(0).path("value").asText());
        assertEquals("transferbench-runs", pod.path("volumes").get(0).path("persistentVolumeClaim").path("claimName").asText());
        assertEquals("/runs", container.path("volumeMounts").get(0).path("mountPath").asText());
    }

    @Test
    void anArrayTaskRunsItsChunkOnlyAndLeavesTheCsvsToTheReport() throws Exception {
        Path runs = dir.resolve("runs");
        Path run = runs.resolve("core-demo/r");
        String[] task = {"--suite", "core-demo", "--profile", "smoke", "--out", runs.toString(), "--run-id", "r",
                "--workers", "0", "--chunk", "4", "--array-task"};
        assertEquals(0, cli.bench(concat(task, "1")), cli.err::toString);
        assertEquals(2, RunRecords.of(run).size(), "chunk 1 of 6 cells in chunks of 4");
        String cap = System.getenv("DNNL_MAX_CPU_ISA");
        JsonNode kernels = Mappers.RECORDS.readTree(run.resolve("env.json").toFile()).path("kernel_settings");
        assertEquals(cap == null ? "" : cap, kernels.path("DNNL_MAX_CPU_ISA").asText(),
                "env.json records the oneDNN cap the cells ran under (Surefire sets it)");
        assertFalse(Files.exists(run.resolve("results.csv")));
        assertFalse(Files.exists(run.resolve("index.html")));
        assertEquals(5, cli.bench("status", run.toString()), "4 cells missing");

        assertEquals(2, cli.bench(concat(task, "2")));
        assertTrue(cli.err.toString().contains("--array-task 2: the plan has 2 chunk(s) of 4"), cli.err::toString);

        assertEquals(0, cli.bench(concat(task, "0")), cli.err::toString);
        assertEquals(0, cli.bench("report", "--csv", run.toString()), cli.err::toString);
        assertEquals(7, Files.readAllLines(run.resolve("results.csv")).size(), "header and 6 cells");
        assertEquals(0, cli.bench("status", run.toString()));
    }

    private static String[] concat(String[] head, String last) {
        String[] all = java.util.Arrays.copyOf(head, head.length + 1);
        all[head.length] = last;
        return all;
    }
}
