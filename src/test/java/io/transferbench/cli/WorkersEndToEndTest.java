package io.transferbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.transferbench.Mappers;
import io.transferbench.RunRecords;
import io.transferbench.TestSuites;
import io.transferbench.results.CellRecord;
import io.transferbench.run.NativeAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cells run in worker processes: a worker killed mid-cell (SIGKILL, or a native crash) costs that
 * cell only, which a rerun completes; records equal those of cells run in one process.
 */
class WorkersEndToEndTest {

    /** Cells of a few seconds each, so that a worker can be caught in the middle of one. */
    private static final String[] SLOW = {"--set", "dataset.options.examples=4000", "--set", "dataset.limit=3000",
            "--set", "training.epochs=30"};

    @TempDir
    Path dir;

    /** One engine thread everywhere: results depend on the thread count in their last digits. */
    private int bench(Path out, int workers, String... extra) {
        List<String> args = new ArrayList<>(List.of("--suite", TestSuites.write(dir, "slow", TestSuites.BASE).toString(),
                "--out", out.toString(), "--run-id", "r", "--workers", Integer.toString(workers), "--threads", "1",
                "--feature-cache-dir", dir.resolve("features").toString()));
        args.addAll(List.of(SLOW));
        args.addAll(List.of(extra));
        return Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true),
                args.toArray(String[]::new));
    }

    @Test
    void twoWorkersWriteTheRecordsOneWorkerWrites() throws IOException {
        assertEquals(0, bench(dir.resolve("one"), 1));
        assertEquals(0, bench(dir.resolve("two"), 2));
        assertEquals(RunRecords.resultsOf(dir.resolve("one/t/r")), RunRecords.resultsOf(dir.resolve("two/t/r")));
        assertEquals(4, Files.readString(dir.resolve("two/t/r/results.csv")).lines().count(), "header and 3 cells");
        JsonNode settings = Mappers.RECORDS.readTree(dir.resolve("two/t/r/env.json").toFile()).path("kernel_settings");
        NativeAllocator.environment().forEach((name, value) ->
                assertEquals(value, settings.path(name).asText(), "env.json records the allocator the workers had"));
    }

    @Test
    void aWorkerKilledMidCellCostsOnlyThatCellAndARerunCompletesIt() throws Exception {
        assertKilledCellIsRecordedAndRecovered("KILL", "killed by signal 9 (SIGKILL)");
    }

    @Test
    void aWorkerThatCrashesNativelyCostsOnlyThatCell() throws Exception {
        // The JVM turns a SIGSEGV outside Java code into an abort, with an hs_err file.
        assertKilledCellIsRecordedAndRecovered("SEGV", "killed by signal");
    }

    private void assertKilledCellIsRecordedAndRecovered(String signal, String reason) throws Exception {
        Path out = dir.resolve("killed");
        Path run = out.resolve("t/r");
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> bench(out, 1));
        String victim = waitForRunningCell(run, 1, first);
        String pid = Files.readString(run.resolve("running").resolve(victim)).trim().split("\\s+")[0];
        new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start().waitFor();
        assertEquals(4, first.get(5, TimeUnit.MINUTES), "some cells failed");

        Map<String, CellRecord> records = RunRecords.of(run);
        assertEquals(3, records.size());
        CellRecord killed = records.get(victim);
        assertEquals(CellRecord.FAILED, killed.status());
        assertTrue(killed.reason().contains(reason), killed.reason());
        records.values().stream().filter(r -> !r.cellId().equals(victim))
                .forEach(r -> assertEquals(CellRecord.OK, r.status(), r.label()));

        assertEquals(0, bench(out, 1), "the rerun completes the killed cell");
        assertEquals(0, bench(dir.resolve("whole"), 1));
        assertEquals(RunRecords.resultsOf(dir.resolve("whole/t/r")), RunRecords.resultsOf(run));
    }

    /** The id of a cell running after {@code finished} cells have their records. */
    private static String waitForRunningCell(Path run, int finished, CompletableFuture<Integer> bench)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (bench.isDone()) {
                throw new AssertionError("the run ended (exit " + bench.get() + ") before a cell could be caught");
            }
            if (Files.isDirectory(run.resolve("cells")) && count(run.resolve("cells")) >= finished
                    && Files.isDirectory(run.resolve("running"))) {
                try (Stream<Path> marks = Files.list(run.resolve("running"))) {
                    var mark = marks.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst();
                    if (mark.isPresent()) {
                        Thread.sleep(500);
                        return mark.get().getFileName().toString();
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no cell started in " + run);
    }

    private static long count(Path cells) throws IOException {
        try (Stream<Path> files = Files.list(cells)) {
            return files.filter(p -> p.toString().endsWith(".json")).count();
        }
    }
}
