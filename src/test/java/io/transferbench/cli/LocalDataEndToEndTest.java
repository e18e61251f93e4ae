package io.transferbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.transferbench.BenchException;
import io.transferbench.RunRecords;
import io.transferbench.assets.LocalFiles;
import io.transferbench.data.LocalFixtures;
import io.transferbench.models.mobilenet.MobileNetV2Family;
import io.transferbench.weights.StandardTfjsLayout;
import io.transferbench.results.CellRecord;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example suites for the user's own data run on small folders and tables the test makes:
 * every cell trains, the records name the files and their digest (checked against coreutils'
 * {@code sha256sum}), unreadable files are counted, a changed file never mixes into a run, and
 * bad files are refused before anything is written.
 */
class LocalDataEndToEndTest {

    private static final String IMAGES = "suites/examples/image-folder.yaml";
    private static final String TEXTS = "suites/examples/text-table.yaml";
    private static final String ENCODER = "suites/examples/bert-onnx.yaml";
    private static final String SOUNDS = "suites/examples/audio-folder.yaml";
    private static final String KERAS = "suites/examples/mobilenet-v2-tfjs.yaml";
    private static final String MASKS = "suites/examples/mask-folder.yaml";
    private static final String COCO = "suites/examples/coco-detection.yaml";
    /** all-MiniLM-L6-v2's config.json on the Hugging Face hub, the fields this encoder reads. */
    private static final String MINILM_CONFIG = """
            {"model_type": "bert", "hidden_act": "gelu", "hidden_size": 384, "num_attention_heads": 12,
             "num_hidden_layers": 6, "intermediate_size": 1536, "vocab_size": 30522,
             "max_position_embeddings": 512, "type_vocab_size": 2, "layer_norm_eps": 1e-12,
             "hidden_dropout_prob": 0.1, "position_embedding_type": "absolute"}
            """;

    @TempDir
    Path dir;

    private final CapturedCli cli = new CapturedCli();

    @Test
    void aFolderOfImagesRunsResumesAndAChangedFileStartsNewCells() throws Exception {
        Path images = LocalFixtures.shapes(dir.resolve("shapes"), 16, 3);
        Files.writeString(images.resolve("circle/broken.png"), "not a PNG");
        Path out = dir.resolve("out");
        assertEquals(0, run(IMAGES, images, out, "first"), cli.err::toString);
        Map<String, CellRecord> records = RunRecords.of(out.resolve("example-image-folder/first"));
        assertEquals(2, records.size());
        String id = LocalFiles.id(images);
        for (CellRecord r : records.values()) {
            assertEquals(CellRecord.OK, r.status(), r.reason());
            assertEquals(1L, r.datasetCounts().get("skipped"), "the broken file");
            assertEquals(32L, r.datasetCounts().get("train") + r.datasetCounts().get("val")
                    + r.datasetCounts().get("test"));
            assertEquals(coreutilsDigest(images) + " (33 files, " + bytes(images) + " bytes)", r.assets().get(id));
            assertEquals(images.toString(), r.config().at("/dataset/path").asText());
        }

        assertEquals(0, run(IMAGES, images, out, "first"), cli.err::toString);
        assertTrue(cli.out.toString().contains("(2 were already done)"), cli.out.toString());

        LocalFixtures.write(new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB), images.resolve("square/000.png"));
        int code = run(IMAGES, images, out, "first");
        assertEquals(BenchException.EXIT_BAD_INPUT, code, "the old run's cells are not these files' cells");
        assertEquals(records.keySet(), RunRecords.of(out.resolve("example-image-folder/first")).keySet(),
                "nothing of the changed files mixed in");
        assertEquals(0, run(IMAGES, images, out, "second"), cli.err::toString);
        Map<String, CellRecord> changed = RunRecords.of(out.resolve("example-image-folder/second"));
        assertFalse(changed.keySet().stream().anyMatch(records::containsKey), "new files, new cell ids");
        assertNotEquals(records.values().iterator().next().assets().get(id), changed.values().iterator().next()
                .assets().get(id));
    }

    @Test
    void aTableOfTextsRunsThroughTheEncoderWithItsSkippedRowsCounted() throws Exception {
        List<String> lines = new java.util.ArrayList<>(LocalFixtures.messagesCsv(30, 5));
        lines.add("\"\",spam");
        Path table = Files.write(dir.resolve("messages.csv"), lines);
        Path out = dir.resolve("out");
        assertEquals(0, run(TEXTS, table, out, "texts"), cli.err::toString);
        Map<String, CellRecord> records = RunRecords.of(out.resolve("example-text-table/texts"));
        assertEquals(2, records.size());
        for (CellRecord r : records.values()) {
            assertEquals(CellRecord.OK, r.status(), r.reason());
            assertEquals(1L, r.datasetCounts().get("skipped"), "the row without text");
            assertEquals(sha256sum(table) + " (1 file, " + Files.size(table) + " bytes)",
                    r.assets().get(LocalFiles.id(table)));
            assertTrue(r.test().get("accuracy") >= 0);
        }
    }

    @Test
    void aKerasMobileNetV2InTheStandardTfjsLayoutGivesWhatTheLockedBundleGives() throws Exception {
        Path images = LocalFixtures.shapes(dir.resolve("shapes"), 12, 4);
        Path bundle = io.transferbench.LockedAssets.fetched(MobileNetV2Family.WEIGHTS_ASSET)
                .resolve(MobileNetV2Family.MODEL_PATH);
        Path modelJson = StandardTfjsLayout.fromBrowserified(bundle, dir.resolve("my-mobilenet"));
        Path out = dir.resolve("out");
        assertEquals(0, run(IMAGES, images, out, "locked"), cli.err::toString);
        for (String scaling : List.of("unit", "symmetric")) {
            assertEquals(0, run(KERAS, images, out, scaling, "model.options.path=" + modelJson,
                    "model.options.input-scaling=" + scaling), cli.err::toString);
        }
        Map<String, String> locked = byFreeze(out.resolve("example-image-folder/locked"));
        assertEquals(locked, byFreeze(out.resolve("example-mobilenet-v2-tfjs/unit")),
                "NSFWJS's weights and scaling, read from the standard layout, give the same cells");
        assertNotEquals(locked, byFreeze(out.resolve("example-mobilenet-v2-tfjs/symmetric")),
                "another input scaling is another model");
        CellRecord own = RunRecords.of(out.resolve("example-mobilenet-v2-tfjs/unit")).values().iterator().next();
        assertEquals(coreutilsDigest(modelJson.getParent()), own.assets().get(LocalFiles.id(modelJson.getParent()))
                .split(" ")[0], "model.json and its shards, digested");
    }

    @Test
    void masksAndCocoBoxesOfYourOwnPicturesTrainSegmentationAndDetection() throws Exception {
        Path shapes = LocalFixtures.annotatedShapes(dir.resolve("annotated"), 24, 6);
        Files.writeString(shapes.resolve("images/broken.png"), "not a PNG");
        LocalFixtures.write(new BufferedImage(48, 40, BufferedImage.TYPE_BYTE_GRAY), shapes.resolve("masks/broken.png"));
        Path out = dir.resolve("out");
        assertEquals(0, run(MASKS, shapes, out, "masks"), cli.err::toString);
        for (CellRecord r : RunRecords.of(out.resolve("example-mask-folder/masks")).values()) {
            assertEquals(CellRecord.OK, r.status(), r.reason());
            assertEquals(1L, r.datasetCounts().get("skipped"), "the broken picture");
            assertTrue(r.test().get("miou") >= 0 && r.test().get("miou") <= 1, r.test().toString());
        }
        assertEquals(0, run(COCO, shapes.resolve("annotations.json"), out, "coco"), cli.err::toString);
        for (CellRecord r : RunRecords.of(out.resolve("example-coco-detection/coco")).values()) {
            assertEquals(CellRecord.OK, r.status(), r.reason());
            assertEquals(48L, r.datasetCounts().get("boxes"), "two shapes in each of 24 pictures");
            assertTrue(r.test().containsKey("map"), r.test().toString());
        }

        LocalFixtures.write(new BufferedImage(40, 40, BufferedImage.TYPE_BYTE_GRAY), shapes.resolve("masks/003.png"));
        assertRefused(MASKS, shapes, dir.resolve("none"), "masks/003.png: 40x40 pixels, but its image 003.png has 48x40");
        Files.writeString(shapes.resolve("annotations.json"), Files.readString(shapes.resolve("annotations.json"))
                .replace("\"category_id\": 9", "\"category_id\": 8"));
        assertRefused(COCO, shapes.resolve("annotations.json"), dir.resolve("none"),
                "annotations.json: annotations[1]: category_id 8 is not among the categories");
        assertFalse(Files.exists(dir.resolve("none")));
    }

    @Test
    void aFolderOfSoundsWithGivenSplitsRunsThroughTheSpeechEmbedding() throws Exception {
        Path sounds = dir.resolve("sounds");
        LocalFixtures.tones(sounds.resolve("train"), 12, 1);
        LocalFixtures.tones(sounds.resolve("test"), 4, 2);
        Files.writeString(sounds.resolve("train/low/broken.wav"), "RIFF, but no audio");
        Path out = dir.resolve("out");
        assertEquals(0, run(SOUNDS, sounds, out, "sounds"), cli.err::toString);
        Map<String, CellRecord> records = RunRecords.of(out.resolve("example-audio-folder/sounds"));
        assertEquals(2, records.size());
        for (CellRecord r : records.values()) {
            assertEquals(CellRecord.OK, r.status(), r.reason());
            assertEquals(1L, r.datasetCounts().get("skipped"), "the broken file");
            assertEquals(8L, r.datasetCounts().get("test"), "test/ as given");
            assertEquals(24L, r.datasetCounts().get("train") + r.datasetCounts().get("val"), "val drawn from train/");
        }
    }

    @Test
    void anOnnxExportOfYourOwnEncoderGivesWhatTheLockedCheckpointGives() throws Exception {
        Path table = Files.write(dir.resolve("messages.csv"), LocalFixtures.messagesCsv(20, 7));
        Path locked = io.transferbench.LockedAssets.fetched("minilm-l6-v2");
        Path encoder = Files.createDirectories(dir.resolve("my-encoder"));
        Files.copy(locked.resolve("all-minilm-l6-v2.onnx"), encoder.resolve("model.onnx"));
        Files.copy(locked.resolve("all-minilm-l6-v2-tokenizer.json"), encoder.resolve("tokenizer.json"));
        Files.writeString(encoder.resolve("config.json"), MINILM_CONFIG);
        Path out = dir.resolve("out");
        assertEquals(0, run(TEXTS, table, out, "locked"), cli.err::toString);
        assertEquals(0, run(ENCODER, table, out, "own", "model.options.path=" + encoder.resolve("model.onnx")),
                cli.err::toString);
        Map<String, String> byLocked = byFreeze(out.resolve("example-text-table/locked"));
        Map<String, String> byOwn = byFreeze(out.resolve("example-bert-onnx/own"));
        assertEquals(byLocked, byOwn, "the same weights, tokenizer and settings give the same cells");
        CellRecord own = RunRecords.of(out.resolve("example-bert-onnx/own")).values().iterator().next();
        assertEquals(sha256sum(encoder.resolve("config.json")) + " (1 file, " + Files.size(encoder.resolve("config.json"))
                + " bytes)", own.assets().get(LocalFiles.id(encoder.resolve("config.json"))));

        // Export the cell that trained the last layer: it comes out as ONNX that OnnxRuntime runs and bert-onnx reads.
        String lastLayer = RunRecords.of(out.resolve("example-text-table/locked")).values().stream()
                .filter(r -> r.config().get("freeze").asText().equals("6")).findFirst().orElseThrow().cellId();
        Path exported = dir.resolve("exported");
        cli.out.getBuffer().setLength(0);
        assertEquals(0, cli.bench("export", out.resolve("example-text-table/locked").toString(), lastLayer, "--out",
                exported.toString()), cli.err::toString);
        assertTrue(cli.out.toString().contains("(as recorded)"), cli.out.toString());
        Map<String, io.transferbench.weights.NamedTensor> before = io.transferbench.weights.OnnxReader
                .read(encoder.resolve("model.onnx")).tensorsByName();
        Map<String, io.transferbench.weights.NamedTensor> after = io.transferbench.weights.OnnxReader
                .read(exported.resolve("model.onnx")).tensorsByName();
        assertEquals(before.keySet(), after.keySet());
        List<String> changed = before.keySet().stream().filter(n -> !before.get(n).equals(after.get(n))).toList();
        assertEquals(16, changed.size(), "the last layer's 16 tensors trained, every other one kept: " + changed);
        float[] hidden = io.transferbench.OnnxReference.firstOutput(exported.resolve("model.onnx"), m -> {
            ai.djl.ndarray.types.Shape shape = new ai.djl.ndarray.types.Shape(1, 4);
            ai.djl.ndarray.NDArray ids = m.create(new long[] {101, 7592, 2088, 102}, shape);
            ids.setName("input_ids");
            ai.djl.ndarray.NDArray mask = m.ones(shape, ai.djl.ndarray.types.DataType.INT64);
            mask.setName("attention_mask");
            ai.djl.ndarray.NDArray types = m.zeros(shape, ai.djl.ndarray.types.DataType.INT64);
            types.setName("token_type_ids");
            return new ai.djl.ndarray.NDList(ids, mask, types);
        });
        assertEquals(4 * 384, hidden.length, "OnnxRuntime runs the exported graph");
        assertEquals(0, run(ENCODER, table, out, "from-export", "model.options.path=" + exported.resolve("model.onnx")),
                cli.err::toString);

        Files.writeString(encoder.resolve("config.json"), MINILM_CONFIG.replace("\"bert\"", "\"roberta\""));
        assertEquals(BenchException.EXIT_BAD_INPUT, run(ENCODER, table, dir.resolve("none"), "bad",
                "model.options.path=" + encoder.resolve("model.onnx")));
        assertTrue(cli.err.toString().contains("config.json: model_type is 'roberta'; this encoder computes model_type"),
                cli.err.toString());
        assertFalse(Files.exists(dir.resolve("none")));
    }

    private static Map<String, String> byFreeze(Path runDir) {
        Map<String, String> results = new java.util.TreeMap<>();
        RunRecords.of(runDir).values().forEach(r -> results.put(r.config().get("freeze").asText(),
                RunRecords.results(r)));
        return results;
    }

    @Test
    void badFilesAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path out = dir.resolve("out");
        Path oneClass = Files.createDirectories(dir.resolve("one/cats"));
        Files.writeString(oneClass.resolve("a.png"), "x");
        assertRefused(IMAGES, dir.resolve("one"), out, "needs one folder per class, at least two; found [cats]");
        assertRefused(IMAGES, dir.resolve("nowhere"), out, "nowhere: no such folder");
        Path table = Files.writeString(dir.resolve("t.csv"), "message,label\nhi,a\nho,b\n");
        assertRefused(TEXTS, table, out, "t.csv: no column 'text'; its header has [message, label]");
        assertFalse(Files.exists(out), "no run directory, no record");
    }

    private void assertRefused(String suite, Path data, Path out, String message) {
        int code = run(suite, data, out, "bad");
        assertEquals(BenchException.EXIT_BAD_INPUT, code, cli.err::toString);
        assertTrue(cli.err.toString().contains("dataset.path") && cli.err.toString().contains(message),
                cli.err.toString());
    }

    /** The suite's smoke profile on {@code data}, with further {@code --set}s, its output kept for the assertions. */
    private int run(String suite, Path data, Path out, String runId, String... sets) {
        cli.err.getBuffer().setLength(0);
        cli.out.getBuffer().setLength(0);
        List<String> args = new java.util.ArrayList<>(List.of("--suite", suite, "--profile", "smoke", "--set",
                "dataset.path=" + data, "--out", out.toString(), "--run-id", runId));
        for (String set : sets) {
            args.addAll(List.of("--set", set));
        }
        return cli.bench(args.toArray(String[]::new));
    }

    /** The digest as datasets.lock's comment says to reproduce it, by coreutils. */
    private static String coreutilsDigest(Path folder) throws Exception {
        return shell("cd '" + folder + "' && find . -type f -printf '%P\\n' | LC_ALL=C sort | xargs -d '\\n' sha256sum"
                + " | sha256sum");
    }

    private static String sha256sum(Path file) throws Exception {
        return shell("sha256sum '" + file + "'");
    }

    private static String shell(String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), output);
        return output.split(" ")[0].trim();
    }

    private static long bytes(Path folder) throws Exception {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }
}
