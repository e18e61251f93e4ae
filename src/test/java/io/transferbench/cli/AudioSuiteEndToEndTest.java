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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audio-drums smoke profile through the CLI on the real kits and the real speech_embedding
 * weights: linear probe, full fine-tuning and scratch train, and every record is scored on the
 * held-out kits (test-ood) beside the seen-kit test, with the split counts and FLOPs.
 */
class AudioSuiteEndToEndTest {

    @TempDir
    Path out;

    @Test
    void drumSmokeRunScoresSeenAndUnseenKits() throws Exception {
        StringWriter stdout = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(stdout, true), new PrintWriter(err, true),
                "--suite", "audio-drums", "--profile", "smoke", "--out", out.toString(), "--run-id", "smoke");
        assertEquals(0, code, err::toString);
        List<CellRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(out.resolve("audio-drums/smoke/cells"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                records.add(Mappers.RECORDS.readValue(f.toFile(), CellRecord.class));
            }
        }
        assertEquals(3, records.size());
        for (CellRecord r : records) {
            assertEquals(CellRecord.OK, r.status(), r.reason());
            assertEquals(48L, r.datasetCounts().get("train"));
            assertEquals(156L, r.datasetCounts().get("test-ood"));
            assertEquals(3L, r.datasetCounts().get("kits.test-ood"));
            assertEquals(6, r.testPerClass().size());
            double ood = r.otherTests().get("test-ood").metrics().get("accuracy");
            assertTrue(ood >= 0 && ood <= 1);
            assertEquals(6, r.otherTests().get("test-ood").perClass().size());
            assertEquals(3 * 83_911_680L, r.forwardFlopsPerSample() - headFlops(), "three windows per clip");
        }
        String csv = Files.readString(out.resolve("audio-drums/smoke/results.csv"));
        assertTrue(csv.lines().findFirst().orElseThrow().contains("test-ood_macro_f1"), csv);
    }

    /** Dropout and a 96 x 6 linear layer: 2 x 576 multiply-adds. */
    private static long headFlops() {
        return 2L * 96 * 6;
    }
}
