package io.transferbench.run;

import io.transferbench.RunRecords;
import io.transferbench.TestSuites;
import io.transferbench.results.CellRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A cell whose loss explodes is recorded as diverged, with the reason, and the grid goes on. */
class DivergenceTest {

    @TempDir
    Path out;

    @Test
    void explodingLossEndsTheCellAsDivergedAndTheGridContinues() throws Exception {
        RunSummary summary = RunFixture.run(out, TestSuites.BASE, "grid.freeze=0", "grid.lr=10,0.003",
                "training.optimizer=sgd");
        assertEquals(2, summary.cells());
        assertEquals(1, summary.diverged());
        assertEquals(1, summary.ok());
        assertEquals(0, summary.failed());
        List<CellRecord> records = RunRecords.of(out.resolve("run")).values().stream()
                .sorted(java.util.Comparator.comparingInt(CellRecord::index)).toList();
        CellRecord diverged = records.get(0);
        assertEquals(CellRecord.DIVERGED, diverged.status());
        assertTrue(diverged.reason().matches("loss (became NaN|became Infinity|exploded to .*) at step \\d+.*"),
                diverged.reason());
        assertEquals(CellRecord.OK, records.get(1).status());
        String csv = Files.readString(out.resolve("run/results.csv"));
        assertTrue(csv.contains(",diverged,"), csv);
    }
}
