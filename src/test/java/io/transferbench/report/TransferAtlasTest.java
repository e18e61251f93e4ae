package io.transferbench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transferbench.Mappers;
import io.transferbench.results.TestOutcomesFile;
import io.transferbench.tasks.ExampleOutcomes;
import io.transferbench.suite.ConfigSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The atlas from two generated result sets whose every answer is computed by hand. Intervals: a
 * mean's is Student's t with 2 degrees of freedom (4.303 standard errors for three seeds); a
 * difference's is Welch's, its t quantile from scipy.stats.t.ppf(0.975, df):
 * <pre>
 *   sd 0.02 vs sd 0.01 (df 2.94): +-0.042     sd 0.01 vs sd 0.01 (df 4): +-0.023
 *   sd 0.02 vs sd 0.02 (df 4): +-0.045        sd 0.01 vs sd 0.02 (df 2.94): +-0.042
 * </pre>
 */
class TransferAtlasTest {

    @TempDir
    Path root;

    /**
     * Text: the linear probe 0.82, freeze 2 0.89, full fine-tuning 0.91, LP-FT 0.92, gradual 0.87,
     * scratch 0.62, each +-0.01 or 0.02 over three seeds, validation equal to test.
     */
    private Path text() throws IOException {
        Path dir = run("text-t", "text-classification");
        cell(dir, "finetune", "all", Map.of(), new double[] {0.80, 0.82, 0.84}, 1.0, 10);
        cell(dir, "finetune", "2", Map.of(), new double[] {0.88, 0.89, 0.90}, 4.0, 40);
        cell(dir, "finetune", "0", Map.of(), new double[] {0.90, 0.91, 0.92}, 10.0, 100);
        cell(dir, "lp-ft", "0", Map.of(), new double[] {0.91, 0.92, 0.93}, 11.0, 100);
        cell(dir, "gradual", "0", Map.of(), new double[] {0.86, 0.87, 0.88}, 9.0, 100);
        cell(dir, "scratch", "0", Map.of(), new double[] {0.60, 0.62, 0.64}, 10.0, 100);
        return dir;
    }

    /** Images: augmentation varies; the probe beats fine-tuning; no scratch baseline. */
    private Path image() throws IOException {
        Path dir = run("image-i", "image-classification");
        Map<String, String> none = Map.of("dataset.options.augment", "none");
        Map<String, String> standard = Map.of("dataset.options.augment", "standard");
        cell(dir, "finetune", "all", none, new double[] {0.85, 0.86, 0.87}, 1.0, 10);
        cell(dir, "finetune", "all", standard, new double[] {0.90, 0.91, 0.92}, 2.0, 10);
        cell(dir, "finetune", "0", none, new double[] {0.84, 0.85, 0.86}, 8.0, 100);
        cell(dir, "finetune", "0", standard, new double[] {0.88, 0.89, 0.90}, 9.0, 100);
        return dir;
    }

    @Test
    void everySectionMatchesHandComputedValues() throws IOException {
        image();
        text();
        TransferAtlas atlas = TransferAtlas.of(SitePublisher.findRuns(root), r -> r.runId() + ".html",
                new PageLinks("assets/", "", "../index.html"));
        assertEquals(List.of("text-t", "image-i"), atlas.columns().stream().map(TransferAtlas.Column::suite).toList(),
                "text before images, whatever the directory order");
        assertEquals(List.of(new TransferAtlas.DomainSpan("text classification", 1),
                new TransferAtlas.DomainSpan("image classification", 1)), atlas.domains());

        assertEquals(List.of("0.820 ± 0.050", "0.910 ± 0.025"), texts(atlas, "probe", "linear probe"));
        assertEquals(List.of("0.920 ± 0.025", "0.890 ± 0.025"), texts(atlas, "probe", "best fine-tuning"));
        assertEquals(List.of("+0.100 [+0.058, +0.142]", "-0.020 [-0.043, +0.003]"),
                texts(atlas, "probe", "fine-tuning − probe"));
        List<AtlasFinding> gap = cells(atlas, "probe", "fine-tuning − probe");
        assertEquals("higher", gap.get(0).verdict());
        assertEquals("", gap.get(0).note());
        assertEquals("within noise", gap.get(1).verdict());
        assertTrue(gap.get(1).note().startsWith("Kornblith et al. 2019"), "a probe as good as fine-tuning is flagged");
        // LP-FT is right on the first 91-93 of 100 examples and the probe on the first 80-84: every resample
        // of the 100 differs by at most 13 and at least 7 of them, so the bootstrap interval lies in [+0.07, +0.13].
        String bootstrap = gap.get(0).detail();
        assertTrue(bootstrap.startsWith("test, best of each on validation; resampling the 100 test examples: [+0.0"),
                bootstrap);

        assertEquals(List.of("all: 0.820 ± 0.050 · 2: 0.890 ± 0.025 · 0: 0.910 ± 0.025",
                        "all: 0.910 ± 0.025 · 0: 0.890 ± 0.025"),
                texts(atlas, "depth", "test by freeze depth"), "per depth, the best of its augmentations on validation");
        assertEquals(List.of("freeze 0", "freeze all"), texts(atlas, "depth", "best depth on validation"));
        assertTrue(cells(atlas, "depth", "best depth on validation").get(1).note().startsWith("Yosinski"));
        // freeze 2 - freeze 0 = -0.020 [-0.043, +0.003]: within noise, and 4 s against 10 s.
        assertEquals(List.of("freeze 2: 4.00 s per cell", "freeze all: 2.00 s per cell"),
                texts(atlas, "depth", "cheapest depth within noise of the best"));

        assertEquals(List.of(Formats.MISSING, Formats.MISSING), texts(atlas, "lr", "spread over learning rates"));

        assertEquals(List.of("0.910 ± 0.025", "0.890 ± 0.025"), texts(atlas, "two-stage", "plain fine-tuning"));
        assertEquals(List.of("+0.010 [-0.013, +0.033]", Formats.MISSING), texts(atlas, "two-stage", "LP-FT − fine-tuning"));
        List<AtlasFinding> gradual = cells(atlas, "two-stage", "gradual unfreezing − fine-tuning");
        assertEquals("-0.040 [-0.063, -0.017]", gradual.get(0).text());
        assertEquals("lower", gradual.get(0).verdict());
        assertTrue(gradual.get(0).note().startsWith("Howard and Ruder 2018"), gradual.get(0).note());

        List<AtlasFinding> augmentation = cells(atlas, "regularisation", "augmentation");
        assertEquals("not varied", augmentation.get(0).detail());
        assertEquals("none: 0.860 ± 0.025 · standard: 0.910 ± 0.025", augmentation.get(1).text());
        assertEquals("standard − none: +0.050 [+0.027, +0.073]", augmentation.get(1).detail());
        assertEquals("higher", augmentation.get(1).verdict());

        assertEquals(List.of("+0.300 [+0.258, +0.342]", Formats.MISSING), texts(atlas, "pretraining", "pretrained − scratch"));

        assertEquals(List.of("10.0 s per cell · 1,000/s training · 100 MB peak resident",
                "9.00 s per cell · 1,000/s training · 100 MB peak resident"), texts(atlas, "cost", "full fine-tune"),
                "the best full fine-tuning on validation: with augmentation, in the image suite");
        assertEquals(List.of("10.0 s per cell · 1,000/s training · 100 MB peak resident", Formats.MISSING),
                texts(atlas, "cost", "from scratch"));

        // LP-FT is best on validation; full fine-tuning is within noise of it (-0.010 [-0.033, +0.013]) and cheaper.
        AtlasFinding pick = cells(atlas, "recommendation", "cheapest within noise of the best").get(0);
        assertEquals("finetune freeze=0: 0.910 ± 0.025 in 10.0 s per cell", pick.text());
        assertTrue(pick.detail().startsWith("the best on validation, lp-ft freeze=0, 0.920 ± 0.025 in 11.0 s: gives up"
                + " 0.010 on test for 1.10× less time; resampling the 100 test examples: [-0.0"), pick.detail());
        assertEquals("within noise", pick.verdict());
    }

    @Test
    void theDepthChartPlotsQualityRelativeToTheBestDepthAgainstTheShareOfParametersTrained() throws IOException {
        text();
        TransferAtlas atlas = TransferAtlas.of(SitePublisher.findRuns(root), r -> "", new PageLinks("assets/", "", null));
        var series = Mappers.RECORDS.readTree(atlas.charts()).path("charts").path(0).path("series");
        assertEquals(1, series.size());
        assertEquals("text-t", series.path(0).path("label").asText());
        var points = series.path(0).path("points");
        // The probe trains 10 of 100 parameters, freeze 2 40, freeze 0 all; quality over freeze 0's 0.91.
        double[][] expected = {{10, 0.82 / 0.91}, {40, 0.89 / 0.91}, {100, 1.0}};
        assertEquals(expected.length, points.size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i][0], points.path(i).path("x").asDouble(), 1e-9);
            assertEquals(expected[i][1], points.path(i).path("y").asDouble(), 1e-9);
        }
    }

    @Test
    void aSuiteIsReadFromItsNewestCompleteResultSet() throws IOException {
        text();
        Path partial = root.resolve("text-t").resolve("still-running");
        Files.createDirectories(partial.resolve("cells"));
        Files.copy(root.resolve("text-t/r/suite.resolved.yaml"), partial.resolve("suite.resolved.yaml"));
        Files.writeString(partial.resolve("env.json"), Files.readString(root.resolve("text-t/r/env.json"))
                .replace("2026-01-15T10:00:00Z", "2026-02-01T10:00:00Z"));
        Files.copy(root.resolve("text-t/r/cells/0000000000000000.json"), partial.resolve("cells/0000000000000000.json"));
        Files.writeString(partial.resolve("plan.json"), "{\"cells\": [{\"cell_id\": \"a\", \"index\": 0, \"label\": \"x\"},"
                + " {\"cell_id\": \"b\", \"index\": 1, \"label\": \"y\"}]}");
        TransferAtlas atlas = TransferAtlas.of(SitePublisher.findRuns(root), r -> "", new PageLinks("assets/", "", null));
        assertEquals("r", atlas.columns().get(0).run().text(), "the newer run has recorded 1 of its 2 planned cells");
    }

    private static List<AtlasFinding> cells(TransferAtlas atlas, String section, String row) {
        return atlas.sections().stream().filter(s -> s.id().equals(section)).findFirst().orElseThrow().rows().stream()
                .filter(r -> r.label().equals(row)).findFirst().orElseThrow().cells();
    }

    private static List<String> texts(TransferAtlas atlas, String section, String row) {
        return cells(atlas, section, row).stream().map(AtlasFinding::text).toList();
    }

    private Path run(String suite, String task) throws IOException {
        Path dir = root.resolve(suite).resolve("r");
        Files.createDirectories(dir.resolve("cells"));
        ObjectNode tree = Mappers.YAML.createObjectNode().put("suite", suite).put("task", task);
        tree.putObject("training").putObject("early-stopping").put("metric", "accuracy").put("patience", 3);
        tree.putObject("grid").putArray("lr").add(0.001);
        Files.write(dir.resolve("suite.resolved.yaml"), Mappers.YAML.writeValueAsBytes(tree));
        Files.write(dir.resolve("env.json"), Mappers.RECORDS.writeValueAsBytes(RunFixtures.env(
                RunFixtures.Spec.small("r"))));
        return dir;
    }

    private int index;

    /** Three seeds of one configuration; validation equals test, 1,000 samples/s, 100 MB. */
    private void cell(Path dir, String strategy, String freeze, Map<String, String> axes, double[] test, double wall,
                      long trainable) throws IOException {
        for (int seed = 1; seed <= test.length; seed++) {
            ObjectNode config = Mappers.SUITE.createObjectNode().put("suite", "s").put("strategy", strategy)
                    .put("freeze", freeze).put("schedule", "warmup-cosine").put("lr", 0.001).put("layer-decay", 1.0)
                    .put("seed", seed);
            config.putObject("dataset").put("name", "d").putObject("options").put("augment",
                    axes.getOrDefault("dataset.options.augment", "none"));
            ObjectNode record = Mappers.RECORDS.createObjectNode().put("cell_id", String.format("%016x", index))
                    .put("index", index++).put("label", strategy + " " + freeze).put("status", "ok")
                    .put("config_schema", ConfigSchema.CURRENT).put("seed", seed).put("wall_seconds", wall)
                    .put("train_samples_per_second", 1000.0).put("peak_rss_bytes", 100L << 20)
                    .put("params_total", 100).put("params_trainable", trainable);
            record.set("config", config);
            record.putObject("val").put("accuracy", test[seed - 1]);
            record.putObject("test").put("accuracy", test[seed - 1]);
            record.putObject("metric_directions").put("accuracy", "higher");
            Files.write(dir.resolve("cells").resolve(String.format("%016x", index - 1) + ".json"),
                    Mappers.RECORDS.writeValueAsBytes(record));
            // 100 test examples, the first test x 100 of them right: outcomes that agree with the record.
            int[] truth = new int[100];
            int[] predicted = new int[100];
            for (int i = 0; i < 100; i++) {
                truth[i] = i % 2;
                predicted[i] = i < Math.round(test[seed - 1] * 100) ? truth[i] : 1 - truth[i];
            }
            Path outcomes = dir.resolve(TestOutcomesFile.of(String.format("%016x", index - 1)));
            Files.createDirectories(outcomes.getParent());
            Files.write(outcomes, new ExampleOutcomes(truth, predicted).csv());
        }
    }
}
