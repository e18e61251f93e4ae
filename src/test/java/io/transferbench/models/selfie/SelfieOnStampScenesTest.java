package io.transferbench.models.selfie;

import io.transferbench.Mappers;
import io.transferbench.cli.Main;
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
 * The selfie segmenter runs as a stamp-scenes segmentation backbone end to end: pretrained
 * weights loaded from the lock, the task's decoder head on its last stage, freeze depth 5 (the
 * pretrained decoder trains behind the frozen encoder) and 0, tiny scenes, one epoch.
 */
class SelfieOnStampScenesTest {

    @TempDir
    Path out;

    @Test
    void segmentsStampScenesWithTheDecoderHead() throws Exception {
        Path suite = out.resolve("seg-selfie.yaml");
        Files.writeString(suite, """
                suite: seg-selfie
                task: semantic-segmentation
                model: {name: selfie-segmenter}
                dataset:
                  name: stamp-scenes
                  val-fraction: 0.15
                  test-fraction: 0.2
                  options: {image-size: 64, categories: [animals, food, plants, town, vehicles],
                            train-scenes: 16, val-scenes: 8, test-scenes: 8, seen-test-scenes: 8, max-objects: 4}
                head: {kind: decoder}
                training: {optimizer: adamw, batch-size: 8, epochs: 1}
                grid:
                  strategy: [finetune]
                  freeze: [5, 0]
                  schedule: [constant]
                  lr: [1.0e-3]
                  seeds: [1]
                """);
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "--suite", suite.toString(), "--out", out.toString(), "--run-id", "smoke",
                "--feature-cache-dir", out.resolve("features").toString());
        assertEquals(0, code, err::toString);
        List<CellRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(out.resolve("seg-selfie/smoke/cells"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                records.add(Mappers.RECORDS.readValue(f.toFile(), CellRecord.class));
            }
        }
        assertEquals(2, records.size());
        for (CellRecord r : records) {
            assertEquals(CellRecord.OK, r.status(), r.reason());
            double miou = r.test().get("miou");
            assertTrue(miou > 0 && miou <= 1, "mIoU " + miou);
            assertTrue(r.assets().containsKey(SelfieSegmenterFamily.WEIGHTS_ASSET), r.assets().toString());
            assertTrue(r.forwardFlopsPerSample() > 0);
        }
    }
}
