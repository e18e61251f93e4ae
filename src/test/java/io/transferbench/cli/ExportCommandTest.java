package io.transferbench.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.transferbench.BenchException;
import io.transferbench.Mappers;
import io.transferbench.RunRecords;
import io.transferbench.results.CellRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench export} retrains a run's cell to its recorded scores and writes the same weights every time. */
class ExportCommandTest {

    @TempDir
    Path dir;

    private final CapturedCli cli = new CapturedCli();

    @Test
    void theBestCellIsRetrainedToItsRecordedScoresAndItsWeightsWritten() throws Exception {
        assertEquals(0, cli.bench("--suite", "core-demo", "--profile", "smoke", "--out", dir.toString(), "--run-id",
                "r"), cli.err::toString);
        Path run = dir.resolve("core-demo/r");
        Map<String, CellRecord> records = RunRecords.of(run);
        CellRecord best = records.values().stream().filter(r -> CellRecord.OK.equals(r.status()))
                .max(Comparator.comparingDouble((CellRecord r) -> r.val().get("accuracy"))
                        .thenComparing(Comparator.comparingInt(CellRecord::index).reversed())).orElseThrow();

        assertEquals(0, cli.bench("export", run.toString()), cli.err::toString);
        Path exported = run.resolve("export").resolve(best.cellId());
        assertTrue(cli.out.toString().contains("Exported cell " + best.cellId()) && cli.out.toString()
                .contains("(as recorded)"), cli.out.toString());
        JsonNode description = Mappers.RECORDS.readTree(exported.resolve("export.json").toFile());
        assertTrue(description.get("reproduced").asBoolean());
        assertEquals(best.test().get("accuracy"), description.at("/retrained_test/accuracy").asDouble());
        assertEquals(best.config(), description.get("config"));
        byte[] weights = Files.readAllBytes(exported.resolve("weights.params"));
        assertTrue(weights.length > 1000, weights.length + " bytes");

        assertEquals(0, cli.bench("export", run.toString(), best.cellId(), "--out", dir.resolve("again").toString()));
        assertArrayEquals(weights, Files.readAllBytes(dir.resolve("again/weights.params")), "deterministic");
        assertEquals(records.keySet(), RunRecords.of(run).keySet(), "the run directory keeps its records");

        assertEquals(BenchException.EXIT_BAD_INPUT, cli.bench("export", run.toString(), "0123456789abcdef"));
        assertTrue(cli.err.toString().contains("cell 0123456789abcdef has no record"), cli.err.toString());
    }
}
