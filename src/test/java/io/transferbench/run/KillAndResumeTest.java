package io.transferbench.run;

import io.transferbench.RunRecords;
import io.transferbench.TestSuites;
import io.transferbench.results.CellRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kill the harness with SIGKILL in the middle of a grid, twice, rerun it, and the record set is
 * the one an uninterrupted run produces: no lost, duplicated or half-written cells.
 */
class KillAndResumeTest {

    private static final String SUITE = TestSuites.BASE.replace("epochs: 2\n  batch", "epochs: 4\n  batch")
            .replace("limit: 80", "limit: 160");
    private static final String[] SETS = {"grid.strategy=finetune,lp-ft,scratch", "grid.freeze=all,1,0", "grid.seeds=1,2"};

    @TempDir
    Path killed;

    @TempDir
    Path reference;

    @Test
    void rerunAfterSigkillCompletesTheGridWithTheSameRecordsAsAnUninterruptedRun() throws Exception {
        Path suiteFile = TestSuites.write(killed, "suite", SUITE);
        Path runDir = killed.resolve("out/t/r");
        int total = 12;

        killAfter(suiteFile, runDir, 1);
        int afterFirstKill = recordCount(runDir);
        assertTrue(afterFirstKill >= 1 && afterFirstKill < total, "killed mid-grid: " + afterFirstKill);
        killAfter(suiteFile, runDir, afterFirstKill + 3);
        int afterSecondKill = recordCount(runDir);
        assertTrue(afterSecondKill > afterFirstKill && afterSecondKill < total,
                () -> "killed again at " + afterSecondKill + "; log:\n" + log());
        everyRecordIsWhole(runDir);

        Process resume = harness(suiteFile, runDir).start();
        assertEquals(0, resume.waitFor(), "the rerun finishes the grid");
        assertEquals(total, recordCount(runDir));

        RunFixture.run(reference, SUITE, SETS);
        Map<String, CellRecord> expected = RunRecords.of(reference.resolve("run"));
        Map<String, CellRecord> actual = RunRecords.of(runDir);
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((id, r) -> assertEquals(RunRecords.results(r), RunRecords.results(actual.get(id)), id));
        try (Stream<Path> files = Files.list(runDir.resolve("cells"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".tmp-")), "temp files cleaned");
        }
        List<String> csv = Files.readAllLines(runDir.resolve("results.csv"));
        assertEquals(total + 1, csv.size(), "results.csv has one row per cell");
    }

    @Test
    void sigtermSaysWhichCellWasInterruptedAndThatTheSameCommandResumes() throws Exception {
        Path suiteFile = TestSuites.write(killed, "suite", SUITE);
        Path runDir = killed.resolve("out/t/term");
        Process p = harness(suiteFile, runDir).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (recordCount(runDir) < 1 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        p.destroy();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "SIGTERM stops the run");
        String log = log();
        assertTrue(log.contains("interrupted during cell ") || log.contains("interrupted between cells"), log);
        assertTrue(log.contains("run the same command again to resume"), log);
    }

    @Test
    void theInterruptNoticeNamesTheCellOrSaysItWasBetweenCells() {
        assertEquals("interrupted during cell 2/5 (x); that cell has no record and runs again. 1 cell(s) finished in"
                + " this session are saved; run the same command again to resume.", InterruptNotice.message("cell 2/5 (x)", 1));
        assertTrue(InterruptNotice.message(null, 3).startsWith("interrupted between cells. 3 cell(s)"));
    }

    /** Starts the harness and kills it with SIGKILL once it has written {@code records} records. */
    private void killAfter(Path suiteFile, Path runDir, int records) throws Exception {
        Process p = harness(suiteFile, runDir).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (recordCount(runDir) < records && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        p.destroyForcibly();
        p.waitFor();
    }

    private ProcessBuilder harness(Path suiteFile, Path runDir) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "io.transferbench.cli.Main", "--suite", suiteFile.toString(), "--out", runDir.getParent().getParent().toString(),
                "--run-id", runDir.getFileName().toString(), "--device", "cpu"));
        for (String s : SETS) {
            cmd.add("--set");
            cmd.add(s);
        }
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(killed.resolve("harness.log").toFile()));
    }

    private String log() {
        try {
            return Files.readString(killed.resolve("harness.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static int recordCount(Path runDir) throws IOException {
        Path cells = runDir.resolve("cells");
        if (!Files.isDirectory(cells)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(cells)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".json")).count();
        }
    }

    private static void everyRecordIsWhole(Path runDir) {
        RunRecords.of(runDir).values().forEach(r -> assertTrue(r.status() != null && r.config() != null));
    }
}
