package io.transferbench.cli;

import io.transferbench.catalog.Catalog;
import io.transferbench.BenchException;
import io.transferbench.Mappers;
import io.transferbench.results.CellRecord;
import io.transferbench.results.TestOutcomesFile;
import io.transferbench.tasks.ExampleOutcomes;
import io.transferbench.suite.SuiteLoader;
import io.transferbench.suite.YamlReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped suites: every one validates in every profile, and the quick one runs for real. */
class SuitesEndToEndTest {

    private static final Path SUITES = Path.of("suites");

    @TempDir
    Path out;

    static Stream<String> shippedSuites() {
        return new SuiteLoader(Catalog.discover(), SUITES).knownSuites().stream();
    }

    @ParameterizedTest
    @MethodSource("shippedSuites")
    void everyShippedSuiteValidatesInEveryProfile(String name) throws Exception {
        Path file = SUITES.resolve(name + ".yaml");
        List<String> profiles = new ArrayList<>(List.of(SuiteLoader.DEFAULT_PROFILE));
        YamlReader.read(file.toString(), Files.readString(file)).root().path("profiles").fieldNames()
                .forEachRemaining(profiles::add);
        for (String profile : profiles) {
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                    "--suite", name, "--profile", profile, "--dry-run");
            assertEquals(0, code, name + " --profile " + profile + ": " + err);
        }
    }

    @Test
    void coreDemoSmokeRunsEndToEndAndWritesRecordsCsvsAndEnvironment() throws Exception {
        StringWriter stdout = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(stdout, true), new PrintWriter(err, true),
                "--suite", "core-demo", "--profile", "smoke", "--out", out.toString(), "--run-id", "smoke");
        assertEquals(0, code, err::toString);
        Path run = out.resolve("core-demo/smoke");
        List<Path> cells;
        try (Stream<Path> files = Files.list(run.resolve("cells"))) {
            cells = files.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertEquals(6, cells.size());
        double best = 0;
        for (Path f : cells) {
            CellRecord r = Mappers.RECORDS.readValue(f.toFile(), CellRecord.class);
            assertEquals(CellRecord.OK, r.status(), r.reason());
            double accuracy = r.test().get("accuracy");
            assertTrue(accuracy >= 0 && accuracy <= 1, "accuracy " + accuracy);
            best = Math.max(best, accuracy);
            assertTrue(r.trainSamplesPerSecond() > 0);
            assertTrue(r.paramsTrainable() > 0 && r.paramsTrainable() <= r.paramsTotal());
            assertFalse(r.curve().isEmpty());
        }
        assertTrue(best > 0.4, "the best strategy clearly beats chance (0.25 for 4 classes): " + best);
        assertEquals(7, Files.readAllLines(run.resolve("results.csv")).size());
        assertTrue(Files.readString(run.resolve("env.json")).contains("\"engine\" : \"PyTorch\""));
        assertTrue(Files.exists(run.resolve("suite.resolved.yaml")));
        assertTrue(stdout.toString().contains("6 cells: 6 ok"), stdout::toString);

        StringWriter again = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(again, true), new PrintWriter(new StringWriter()),
                "--suite", "core-demo", "--profile", "smoke", "--out", out.toString(), "--run-id", "smoke"));
        assertTrue(again.toString().contains("(6 were already done)"), again::toString);
    }

    /**
     * The README's first command on its smoke profile: real MiniLM weights, real emails, fetched
     * through the asset fetcher. The probe trains on cached features; the other cell fine-tunes the
     * top encoder layer. Its own feature cache: features left by earlier runs on this machine would
     * be loaded instead of computed.
     */
    @Test
    void quickSmokeTransfersMiniLmToRealEmails() throws Exception {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "--suite", "quick", "--profile", "smoke", "--out", out.toString(), "--run-id", "smoke",
                "--feature-cache-dir", out.resolve("features").toString());
        assertEquals(0, code, err::toString);
        List<CellRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(out.resolve("quick/smoke/cells"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                records.add(Mappers.RECORDS.readValue(f.toFile(), CellRecord.class));
            }
        }
        assertEquals(2, records.size());
        for (CellRecord r : records) {
            assertEquals(CellRecord.OK, r.status(), r.reason());
            assertEquals("computed", r.featureCache(), "each freeze depth is computed once");
            assertTrue(r.assets().containsKey("minilm-l6-v2") && r.assets().containsKey("spamassassin"));
            assertEquals(4L, r.datasetCounts().get("skipped"), "the four undecodable emails of the corpus");
            assertTrue(r.test().get("macro_f1") > 0.5, "better than the majority class: " + r.test());
            assertTrue(r.forwardFlopsPerSample() > 6 * 2L * 32 * 384 * 384, "six encoder layers of FLOPs");
            // Evaluation runs in length order; the outcomes are kept in the test split's.
            ExampleOutcomes outcomes = TestOutcomesFile.read(out.resolve("quick/smoke"), r.cellId()).orElseThrow();
            assertEquals(r.datasetCounts().get("test"), (long) outcomes.size());
            long right = java.util.stream.IntStream.range(0, outcomes.size())
                    .filter(i -> outcomes.truth()[i] == outcomes.predicted()[i]).count();
            assertEquals(r.test().get("accuracy"), (double) right / outcomes.size(), 1e-12);
        }
    }

    /**
     * The segmentation suite on its smoke profile: MobileNetV2 at output stride 16 with an LR-ASPP
     * head on generated scenes of real stamps and photographs, scored per pixel.
     */
    @Test
    void segStampsSmokeSegmentsGeneratedScenes() throws Exception {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "--suite", "seg-stamps", "--profile", "smoke", "--out", out.toString(), "--run-id", "smoke",
                "--feature-cache-dir", out.resolve("features").toString());
        assertEquals(0, code, err::toString);
        List<CellRecord> records = new ArrayList<>();
        Path run = out.resolve("seg-stamps/smoke");
        try (Stream<Path> files = Files.list(run.resolve("cells"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                records.add(Mappers.RECORDS.readValue(f.toFile(), CellRecord.class));
            }
        }
        assertEquals(3, records.size(), "finetune at freeze all and 0, and scratch");
        for (CellRecord r : records) {
            assertEquals(CellRecord.OK, r.status(), r.reason());
            double miou = r.test().get("miou");
            assertTrue(miou > 0 && miou <= 1, "mIoU " + miou);
            assertTrue(r.test().get("pixel_accuracy") > 0);
            assertTrue(r.testPerClass().containsKey("background"), r.testPerClass().toString());
            assertEquals("higher", r.metricDirections().get("miou"));
            assertEquals(16L, r.datasetCounts().get("train"));
            assertTrue(r.assets().containsKey("skimage-backgrounds") && r.assets().containsKey("tuxpaint-stamps"));
            assertTrue(r.forwardFlopsPerSample() > 0);
            double seenMiou = r.otherTests().get("test-seen").metrics().get("miou");
            assertTrue(seenMiou > 0 && seenMiou <= 1, "test-seen mIoU " + seenMiou);
            assertEquals(4, r.pictures().size(), "the first four test scenes drawn");
            for (var picture : r.pictures()) {
                java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(run.resolve(picture.file()).toFile());
                assertEquals(3 * 64 + 8, png.getWidth(), "image, truth and prediction side by side");
                assertEquals(64, png.getHeight());
                assertTrue(picture.legend().containsKey("animals"), picture.legend().toString());
            }
        }
        String csv = Files.readString(run.resolve("results.csv"));
        assertTrue(csv.lines().findFirst().orElseThrow().contains("test-seen_miou"), "a column per further test set");
        String page = Files.readString(run.resolve("index.html"));
        assertTrue(page.contains("The best configuration, closer"), "the report looks at the best configuration");
        assertTrue(page.contains("test-0.png") && page.contains("<th>test-seen</th>"), "pictures and the seen set");
        Path site = out.resolve("site");
        assertEquals(0, Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "publish", "--site", site.toString(), "--reports", out.toString()), err::toString);
        assertTrue(Files.isRegularFile(site.resolve("runs/seg-stamps/smoke").resolve(records.get(0).pictures().get(0).file())),
                "the site carries the pictures its run page shows");
    }
    /** The detection smoke: boxes on the same generated scenes, COCO metrics, pictures of boxes. */
    @Test
    void detStampsSmokeDetectsObjectsInGeneratedScenes() throws Exception {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "--suite", "det-stamps", "--profile", "smoke", "--out", out.toString(), "--run-id", "smoke",
                "--feature-cache-dir", out.resolve("features").toString());
        assertEquals(0, code, err::toString);
        List<CellRecord> records = new ArrayList<>();
        Path run = out.resolve("det-stamps/smoke");
        try (Stream<Path> files = Files.list(run.resolve("cells"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                records.add(Mappers.RECORDS.readValue(f.toFile(), CellRecord.class));
            }
        }
        assertEquals(6, records.size(), "finetune at freeze all and 0, and scratch, from MobileNetV2 and the face detector");
        assertEquals(Set.of("mobilenet-v2", "ssd-mobilenet-v1-faces"), records.stream()
                .map(r -> r.config().path("model").path("name").asText()).collect(java.util.stream.Collectors.toSet()));
        for (CellRecord r : records) {
            assertEquals(CellRecord.OK, r.status(), r.reason());
            for (String metric : List.of("map", "map_50", "map_75", "mar_100")) {
                double v = r.test().get(metric);
                assertTrue(v >= 0 && v <= 1, metric + " " + v);
                assertEquals("higher", r.metricDirections().get(metric));
            }
            assertTrue(r.test().get("map_50") >= r.test().get("map_75"), "a looser IoU finds at least as much");
            if (!r.label().startsWith("scratch")) {
                // two steps from random weights may leave every score under the decoder's threshold
                assertTrue(r.test().get("mar_100") > 0, r.label() + ": some true box is found among 100 detections");
            }
            assertTrue(r.forwardFlopsPerSample() > 0);
            assertTrue(r.otherTests().containsKey("test-seen"));
            assertEquals(4, r.pictures().size(), "the first four test scenes drawn");
            java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(run.resolve(r.pictures().get(0).file())
                    .toFile());
            assertEquals(2 * 256 + 4, png.getWidth(), "truth and detections side by side, enlarged to 256");
            assertTrue(r.pictures().get(0).legend().containsKey("vehicles"));
        }
        String page = Files.readString(run.resolve("index.html"));
        assertTrue(page.contains("map_50") && page.contains("test-0.png"), "the report shows mAP and pictures");
        StringWriter status = new StringWriter();
        assertEquals(0, Main.run(new PrintWriter(status, true), new PrintWriter(new StringWriter(), true), "status",
                run.toString()), "every planned cell has its record");
        assertTrue(status.toString().contains(": 6 ok 0 diverged 0 failed 0 running 0 queued 0 missing"), status.toString());
        Files.delete(run.resolve("cells").resolve(records.get(0).cellId() + ".json"));
        assertEquals(BenchException.EXIT_INCOMPLETE, Main.run(new PrintWriter(status, true),
                new PrintWriter(new StringWriter(), true), "status", "--list", run.toString()));
        assertTrue(status.toString().contains("missing\t" + records.get(0).label()), status.toString());
    }
}
