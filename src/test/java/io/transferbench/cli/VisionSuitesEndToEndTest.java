package io.transferbench.cli;

import io.transferbench.Mappers;
import io.transferbench.results.CellRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vision suites' smoke profiles run through the CLI on the real locked data and weights:
 * every cell trains, and its record carries the dataset counts (unreadable images included),
 * throughput, memory and the MobileNetV2 FLOPs.
 */
class VisionSuitesEndToEndTest {

    @TempDir
    Path out;

    @Test
    void fashionMnistSmokeRunsEveryStrategyWithAndWithoutAugmentation() throws Exception {
        List<CellRecord> records = run("vision-mobilenet");
        assertEquals(6, records.size());
        for (CellRecord r : records) {
            assertEquals(64L, r.datasetCounts().get("train"));
            assertEquals(6.4, r.datasetCounts().get("train.bag"), 1.0);
        }
        assertEquals(3, records.stream().filter(r -> r.config().path("dataset").path("options").path("augment")
                .asText().equals("standard")).count());
    }

    @Test
    void stampsSmokeRecordsTheClassBalanceAndOversampling() throws Exception {
        List<CellRecord> records = run("vision-stamps");
        assertEquals(2, records.size());
        for (CellRecord r : records) {
            assertEquals(0L, r.datasetCounts().get("skipped"));
            assertTrue(r.datasetCounts().get("train-oversampled") > r.datasetCounts().get("train"));
            assertEquals(16, r.testPerClass().size());
        }
    }

    private List<CellRecord> run(String suite) throws Exception {
        StringWriter stdout = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(stdout, true), new PrintWriter(err, true),
                "--suite", suite, "--profile", "smoke", "--out", out.toString(), "--run-id", "smoke");
        assertEquals(0, code, err::toString);
        List<CellRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(out.resolve(suite + "/smoke/cells"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                CellRecord r = Mappers.RECORDS.readValue(f.toFile(), CellRecord.class);
                assertEquals(CellRecord.OK, r.status(), r.reason());
                assertTrue(r.trainSamplesPerSecond() > 0);
                assertNotNull(r.peakRssBytes());
                assertTrue(r.forwardFlopsPerSample() > 0, "MobileNetV2 FLOPs are analytic");
                assertNotNull(r.datasetCounts().get("skipped"));
                double accuracy = r.test().get("accuracy");
                assertTrue(accuracy >= 0 && accuracy <= 1);
                records.add(r);
            }
        }
        return records;
    }
}
