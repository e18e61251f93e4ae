package io.transferbench.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transferbench.BenchException;
import io.transferbench.suite.ConfigSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunComparisonTest {

    @TempDir
    Path root;

    private RunComparison compare(RunFixtures.Spec a, RunFixtures.Spec b) {
        List<RunDirectory> runs = List.of(RunDirectory.read(RunFixtures.write(root.resolve("a"), a)),
                RunDirectory.read(RunFixtures.write(root.resolve("b"), b)));
        return RunComparison.of(runs, java.util.Arrays.asList(null, null), PageLinks.standalone());
    }

    @Test
    void matchesConfigurationsAcrossRunsAndReportsSpeedUpsAndMetricDeltas() {
        // Same generated metrics, wall times doubled: every configuration is 0.50x as fast, quality unchanged.
        RunComparison c = compare(RunFixtures.Spec.small("fast"), RunFixtures.Spec.small("slow").slowedBy(2.0));
        assertEquals(5, c.configurations().size());
        assertTrue(c.unmatched().isEmpty());
        for (RunComparison.ComparedConfig row : c.configurations()) {
            RunComparison.Side baseline = row.sides().get(0);
            RunComparison.Side slow = row.sides().get(1);
            assertEquals("baseline", baseline.verdict());
            assertEquals("0.50×", slow.speedUp(), row.label());
            if (!row.label().equals("finetune freeze=all")) {
                // Identical metrics: a zero difference, inside an interval as wide as the seeds' spread.
                assertTrue(slow.delta().matches("\\+0\\.000 \\[-0\\.\\d{3}, \\+0\\.\\d{3}]"), slow.delta());
                assertEquals("within noise", slow.verdict());
                assertEquals("slower", slow.speedVerdict());
            }
        }
        // The probe's group has one ok cell (one failed, one diverged): no interval, and the page says why.
        RunComparison.Side probe = c.configurations().get(0).sides().get(1);
        assertEquals("too few seeds to tell", probe.verdict());
        assertEquals("too few seeds to tell", probe.speedVerdict());
        assertEquals(List.of("baseline", "0.50×"), c.strategies().get(0).speedUps());
        assertTrue(c.rule().contains("Welch"));
    }

    @Test
    void configurationsInOnlyOneRunAreListedNotCompared() {
        RunComparison c = compare(new RunFixtures.Spec("fixture", "r1", 1, 1, 3, 1.0, "v1", false, ""),
                new RunFixtures.Spec("fixture", "r2", 2, 1, 3, 1.0, "v2", false, ""));
        assertEquals(5, c.configurations().size());
        assertEquals(5, c.unmatched().size());
        assertTrue(c.unmatched().get(0).endsWith(": only in r2"), c.unmatched().get(0));
        assertTrue(c.environment().stream().anyMatch(e -> e.label().equals("harness") && e.differs()));
        assertTrue(c.environment().stream().anyMatch(e -> e.label().equals("CPU") && !e.differs()));
    }

    private RunComparison compareWritten(RunFixtures.Spec a, java.util.function.Consumer<ObjectNode> editA, Integer versionA,
                                         RunFixtures.Spec b, java.util.function.Consumer<ObjectNode> editB, Integer versionB) {
        Path dirA = RunFixtures.write(root.resolve("a"), a);
        Path dirB = RunFixtures.write(root.resolve("b"), b);
        RunFixtures.rewriteConfigs(dirA, editA, versionA);
        RunFixtures.rewriteConfigs(dirB, editB, versionB);
        return RunComparison.of(List.of(RunDirectory.read(dirA), RunDirectory.read(dirB)),
                java.util.Arrays.asList(null, null), PageLinks.standalone());
    }

    /**
     * The fixture's cells as the current harness writes them when run with the settings the old
     * harness used (every parameter decayed): every default explicit, and the feature cache on.
     */
    private static void explicitDefaults(ObjectNode config) {
        ObjectNode training = (ObjectNode) config.get("training");
        training.put("feature-cache", true).put("head-lr-scale", 1.0).put("probe-epochs", 15)
                .put("decay-biases-and-norms", true);
        training.remove("label-smoothing");
        config.putObject("head").put("dropout", 0.0).put("hidden", 0).put("label-smoothing", 0.0);
        ((ObjectNode) config.get("model")).putObject("options").put("hidden", 64).put("stages", 3);
        ((ObjectNode) config.get("dataset")).putObject("options").put("examples", 2000).put("features", 32)
                .put("latent", 8).put("classes", 4).put("noise", 0.1).put("world-seed", 1).put("task-seed", 1);
    }

    @Test
    void recordsOfAnOlderHarnessThatLackOnlyItsDefaultsCompareFully() {
        // The old harness wrote no version, no option defaults and none of the settings it lacked;
        // it had no feature cache, which the new run uses: that differs in cost only.
        RunComparison c = compareWritten(RunFixtures.Spec.small("new"), RunComparisonTest::explicitDefaults,
                ConfigSchema.CURRENT, RunFixtures.Spec.small("old"), config -> { }, null);
        assertEquals(5, c.configurations().size());
        assertTrue(c.unmatched().isEmpty(), c.unmatched().toString());
        assertEquals(List.of("training.feature-cache"), c.settings().stream().map(ConfigMatching.SettingRow::setting).toList());
        assertEquals(List.of("true", "false"), c.settings().get(0).values());
        assertFalse(c.settings().get(0).changesResults());
    }

    @Test
    void cellsThatDifferInARealSettingAreComparedWithTheSettingShown() {
        RunComparison c = compareWritten(RunFixtures.Spec.small("a"), RunComparisonTest::explicitDefaults,
                ConfigSchema.CURRENT, RunFixtures.Spec.small("b"), config -> {
                    explicitDefaults(config);
                    ((ObjectNode) config.get("training")).put("batch-size", 16);
                }, ConfigSchema.CURRENT);
        assertEquals(5, c.configurations().size());
        ConfigMatching.SettingRow row = c.settings().get(0);
        assertEquals("training.batch-size", row.setting());
        assertEquals(List.of("32", "16"), row.values());
        assertTrue(row.changesResults());
        String html = new PageRenderer().render("compare.ftlh", c);
        assertTrue(html.contains("<code>training.batch-size</code></th><td>32</td><td>16</td><td>changes results</td>"),
                html);
    }

    @Test
    void runsOnDifferentDatasetsAreRefused() {
        BenchException e = assertThrows(BenchException.class, () -> compareWritten(RunFixtures.Spec.small("a"),
                RunComparisonTest::explicitDefaults, ConfigSchema.CURRENT, RunFixtures.Spec.small("b"), config -> {
                    explicitDefaults(config);
                    ((ObjectNode) config.get("dataset")).put("name", "spamassassin");
                }, ConfigSchema.CURRENT));
        assertTrue(e.getMessage().contains("dataset.name differs (latent-classes vs spamassassin)"), e.getMessage());
    }

    @Test
    void cellsThatReadOtherAssetDigestsAreNotCompared() {
        Path dirA = RunFixtures.write(root.resolve("a"), RunFixtures.Spec.small("a"));
        Path dirB = RunFixtures.write(root.resolve("b"), RunFixtures.Spec.small("b"));
        RunFixtures.rewriteAssets(dirB, java.util.Map.of("dataset:latent-classes", "latent-classes/2"));
        BenchException e = assertThrows(BenchException.class, () -> RunComparison.of(
                List.of(RunDirectory.read(dirA), RunDirectory.read(dirB)), java.util.Arrays.asList(null, null),
                PageLinks.standalone()));
        assertTrue(e.getMessage().contains("asset dataset:latent-classes differs (latent-classes/1 vs latent-classes/2)"),
                e.getMessage());
    }

    @Test
    void runsOfDifferentSuitesAreRefused() {
        BenchException e = assertThrows(BenchException.class, () -> compare(RunFixtures.Spec.small("r"),
                new RunFixtures.Spec("other", "r", 1, 1, 3, 1.0, "v", false, "")));
        assertTrue(e.getMessage().contains("compare shows runs of one suite"), e.getMessage());
    }

    @Test
    void writesAPageWithLinksToTheRunsReportsWhereTheyExist() throws Exception {
        Path a = RunFixtures.write(root.resolve("a"), RunFixtures.Spec.small("fast"));
        Path b = RunFixtures.write(root.resolve("b"), RunFixtures.Spec.small("slow").slowedBy(2.0));
        ReportWriter writer = new ReportWriter(root.resolve("no.lock"));
        writer.writeRunReport(a, a.resolve("index.html"));
        Path page = writer.writeComparison(List.of(a, b), root.resolve("out"));
        String html = Files.readString(page);
        assertTrue(html.contains("<a href=\"../a/fixture/fast/index.html\">fast</a> (baseline)"), html);
        assertTrue(html.contains("<th>slow</th>") || html.contains(">slow</th>"));
        assertTrue(html.contains("0.50×"));
        for (String id : List.of("chart-compare-metric", "chart-compare-speedup", "chart-compare-throughput",
                "chart-compare-memory")) {
            assertTrue(html.contains("id=\"" + id + "\""), id);
        }
        assertTrue(Files.exists(root.resolve("out/assets/chart.umd.min.js")));
    }
}
