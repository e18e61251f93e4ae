package io.transferbench.cluster;

import io.transferbench.RunRecords;
import io.transferbench.results.CellRecord;
import io.transferbench.results.RunningMark;
import io.transferbench.run.WorkerProtocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code bench slurm submit} against a real Slurm: a single-node cluster of Debian's slurmctld
 * and slurmd started for the test ({@code scripts/slurm/local-cluster}). Needs root; without it,
 * or without the packages, the test skips saying why, except under CI=true, where it fails.
 */
class SlurmClusterTest {

    private static final Pattern SUBMITTED = Pattern.compile(
            "submitted array job (\\d+) \\(chunks (\\S+) of (\\d+),.*report job (\\d+)");
    /** Cells of several seconds, so that a task can be cancelled in the middle of one. */
    private static final List<String> SLOW = List.of("--set", "dataset.options.examples=6000",
            "--set", "dataset.limit=4000", "--set", "training.epochs=40", "--set", "training.early-stopping.patience=40");

    @TempDir
    static Path dir;

    private static Path clusterDir;

    @BeforeAll
    static void startSlurm() throws Exception {
        String missing = unavailable();
        if (missing != null) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI must run the real-Slurm test, but " + missing);
            }
            Assumptions.abort("skipped: " + missing);
        }
        clusterDir = dir.resolve("slurm");
        Result started = run(List.of("scripts/slurm/local-cluster", "start", clusterDir.toString()));
        assertEquals(0, started.exit(), started.output());
    }

    @AfterAll
    static void stopSlurm() throws Exception {
        if (clusterDir != null) {
            run(List.of("scripts/slurm/local-cluster", "stop", clusterDir.toString()));
        }
    }

    @Test
    void arrayTasksWriteTheRecordsALocalRunWrites() throws Exception {
        Path local = dir.resolve("local");
        Result alone = bench(List.of("--suite", "core-demo", "--profile", "smoke", "--out", local.toString(),
                "--run-id", "r", "--workers", "1", "--threads", "1"));
        assertEquals(0, alone.exit(), alone.output());

        Path cluster = dir.resolve("cluster");
        Submission s = submit(cluster, List.of("--chunk", "1", "--array-limit", "2"));
        assertTrue(s.chunkCount() >= 4, "at least 4 array tasks: " + s.chunkCount());
        Path run = cluster.resolve("core-demo/r");
        Result meanwhile = bench(List.of("status", run.toString()));
        Matcher queued = Pattern.compile("(\\d+) queued").matcher(meanwhile.output());
        assertTrue(queued.find() && Integer.parseInt(queued.group(1)) > 0,
                "2 tasks run at once, so cells wait in queued ones: " + meanwhile.output());
        awaitGone(s.reportJob());

        Map<String, String> expected = RunRecords.resultsOf(local.resolve("core-demo/r"));
        assertEquals(expected, RunRecords.resultsOf(run));
        assertEquals(s.chunkCount(), logs(run).size(), "one log per array task");
        assertEquals(expected.size() + 1, Files.readAllLines(run.resolve("results.csv")).size(),
                "the report job wrote the CSV: header and every cell");
        assertTrue(Files.isRegularFile(run.resolve("index.html")), "the report job wrote the page");
        assertEquals(0, bench(List.of("status", run.toString())).exit(), "bench status: complete");
        Result again = trySubmit(cluster, List.of("--chunk", "1"));
        assertEquals(0, again.exit(), again.output());
        assertTrue(again.output().contains("nothing to submit"), again.output());
    }

    @Test
    void aTaskCancelledMidCellIsResubmittedAndTheRunCompletes() throws Exception {
        Path out = dir.resolve("cancelled");
        Path run = out.resolve("core-demo/r");
        List<String> options = new ArrayList<>(List.of("--chunk", "2", "--array-limit", "1"));
        options.addAll(SLOW);
        Submission first = submit(out, options);
        RunningMark victim = awaitRunningMark(run);
        Result cancel = run(List.of("scancel", victim.schedulerJob()));
        assertEquals(0, cancel.exit(), cancel.output());
        awaitGone(first.reportJob());

        Result incomplete = bench(List.of("status", "--list", run.toString()));
        assertEquals(5, incomplete.exit(), incomplete.output());
        assertTrue(incomplete.output().contains("missing\t"), incomplete.output());

        Submission second = submit(out, options);
        assertTrue(second.chunks().matches("\\d+"), "only the cancelled chunk goes again: " + second.chunks());
        awaitGone(second.reportJob());
        Result complete = bench(List.of("status", run.toString()));
        assertEquals(0, complete.exit(), complete.output());
        RunRecords.of(run).values().forEach(r -> assertEquals(CellRecord.OK, r.status(), r.label()));
    }

    private record Submission(String arrayJob, String chunks, int chunkCount, String reportJob, String output) {}

    private static Submission submit(Path out, List<String> options) throws Exception {
        Result r = trySubmit(out, options);
        assertEquals(0, r.exit(), r.output());
        Matcher m = SUBMITTED.matcher(r.output());
        assertTrue(m.find(), r.output());
        return new Submission(m.group(1), m.group(2), Integer.parseInt(m.group(3)), m.group(4), r.output());
    }

    /** One engine thread, as in the local run: results depend on the thread count in their last digits. */
    private static Result trySubmit(Path out, List<String> options) throws Exception {
        List<String> args = new ArrayList<>(List.of("slurm", "submit", "--suite", "core-demo", "--profile", "smoke",
                "--out", out.toString(), "--run-id", "r", "--cpus-per-task", "1"));
        args.addAll(options);
        return bench(args);
    }

    /** The harness in a process of its own, which reaches this test's Slurm through SLURM_CONF. */
    private static Result bench(List<String> args) throws Exception {
        List<String> command = WorkerProtocol.thisProgram(List.of());
        command.addAll(args);
        return run(command);
    }

    private record Result(int exit, String output) {}

    private static Result run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (clusterDir != null) {
            builder.environment().put("SLURM_CONF", clusterDir.resolve("slurm.conf").toString());
        }
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("timed out: " + command);
        }
        return new Result(p.exitValue(), output);
    }

    /** Waits until a job has left the queue, however it ended. */
    private static void awaitGone(String job) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
        while (System.nanoTime() < deadline) {
            Result q = run(List.of("squeue", "--noheader", "--jobs", job));
            if (q.exit() == 0 && q.output().isBlank() || q.output().contains("Invalid job id")) {
                return;
            }
            Thread.sleep(500);
        }
        fail("job " + job + " still queued: " + run(List.of("squeue")).output());
    }

    /** The mark of a cell an array task runs, once the cell has run a moment. */
    private static RunningMark awaitRunningMark(Path run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(run.resolve("running"))) {
                try (Stream<Path> marks = Files.list(run.resolve("running"))) {
                    Optional<RunningMark> mark = marks.filter(p -> !p.getFileName().toString().startsWith("."))
                            .map(RunningMark::read).flatMap(Optional::stream)
                            .filter(m -> m.schedulerJob() != null).findFirst();
                    if (mark.isPresent()) {
                        Thread.sleep(1000);
                        return mark.get();
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no cell started in " + run);
    }

    private static List<Path> logs(Path run) throws IOException {
        try (Stream<Path> files = Files.list(run.resolve("slurm"))) {
            return files.filter(p -> p.getFileName().toString().matches("\\d+_\\d+\\.out")).toList();
        }
    }

    /** Why a real Slurm cannot run here, or null. */
    private static String unavailable() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "needs root to start slurmctld and slurmd (scripts/test installs and CI runs as root)";
        }
        for (String tool : List.of("slurmctld", "slurmd", "sbatch", "squeue", "scancel", "munged")) {
            boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"), new String[] {"/usr/sbin"})
                    .flatMap(Stream::of).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
            if (!found) {
                return tool + " is not installed (apt-get install slurmctld slurmd slurm-client munge)";
            }
        }
        return null;
    }
}
