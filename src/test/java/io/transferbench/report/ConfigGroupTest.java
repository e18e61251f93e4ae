package io.transferbench.report;

import io.transferbench.Mappers;
import io.transferbench.results.CellRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigGroupTest {

    @TempDir
    Path root;

    @Test
    void groupsCellsOverSeedsByTheirConfigWithoutTheSeedInGridOrder() {
        RunDirectory run = RunDirectory.read(RunFixtures.write(root,
                new RunFixtures.Spec("fixture", "r", 2, 1, 3, 1.0, "v", false, "")));
        List<ConfigGroup> groups = ConfigGroup.of(run.cells());
        assertEquals(5 * 2, groups.size());
        for (ConfigGroup g : groups) {
            assertEquals(3, g.cells().size());
            assertEquals(List.of(1L, 2L, 3L), g.cells().stream().map(CellRecord::seed).toList());
            assertTrue(g.cells().stream().allMatch(c -> Mappers.canonical(ConfigGroup.withoutSeed(c.config()))
                    .equals(g.key())));
        }
        assertEquals("finetune", groups.get(0).config().path("strategy").asText());
        assertEquals("all", groups.get(0).config().path("freeze").asText());
        assertEquals(StrategyFamily.LINEAR_PROBE, groups.get(0).family());
        assertEquals(StrategyFamily.SCRATCH, groups.get(groups.size() - 1).family());
    }

    @Test
    void statisticsLeaveOutFailedAndDivergedCellsButCountThem() {
        RunDirectory run = RunDirectory.read(RunFixtures.write(root, RunFixtures.Spec.small("r")));
        ConfigGroup probe = ConfigGroup.of(run.cells()).get(0);
        assertEquals(3, probe.cells().size());
        assertEquals(1, probe.count(CellRecord.FAILED));
        assertEquals(1, probe.count(CellRecord.DIVERGED));
        assertEquals(1, probe.ok().size());
        HeadlineMetric accuracy = HeadlineMetric.of(run.suite(), run.cells());
        assertEquals(1, probe.stats(accuracy::test).n());
        ConfigSummary summary = ConfigSummary.of(probe, GridAxes.of(run.suite(), run.cells()), accuracy);
        assertEquals("1 of 3", summary.seedsText());
    }

    @Test
    void labelsNameOnlyTheAxesThatVary() {
        RunDirectory run = RunDirectory.read(RunFixtures.write(root,
                new RunFixtures.Spec("fixture", "r", 2, 1, 2, 1.0, "v", false, "")));
        GridAxes axes = GridAxes.of(run.suite(), run.cells());
        assertEquals(List.of("strategy", "freeze", "schedule", "lr"), axes.names());
        assertEquals(List.of("strategy", "freeze", "schedule"), axes.varying());
        assertEquals("lp-ft freeze=0 schedule=constant",
                axes.label(ConfigGroup.of(run.cells()).stream().filter(g -> g.family() == StrategyFamily.LP_FT)
                        .toList().get(1).config()));
    }

    @Test
    void axisValuesPrintAsASuiteWritesThem() {
        var config = Mappers.SUITE.createObjectNode().put("lr", 1.0e-4).put("layer-decay", 0.8).put("freeze", "all");
        config.putObject("training").put("weight-decay", 0.01);
        assertEquals("0.0001", GridAxes.value(config, "lr"));
        assertEquals("0.8", GridAxes.value(config, "layer-decay"));
        assertEquals("0.01", GridAxes.value(config, "training.weight-decay"));
        assertEquals("all", GridAxes.value(config, "freeze"));
        assertEquals("", GridAxes.value(config, "training.missing"));
    }

    @Test
    void headlineMetricIsTheSuitesTargetThenEarlyStoppingThenTheFirstNonLossMetric() {
        RunDirectory run = RunDirectory.read(RunFixtures.write(root, RunFixtures.Spec.small("r")));
        assertEquals(new HeadlineMetric("accuracy", true), HeadlineMetric.of(run.suite(), run.cells()));

        var earlyStopping = Mappers.YAML.createObjectNode();
        earlyStopping.putObject("training").putObject("early-stopping").put("metric", "macro_f1");
        assertEquals("macro_f1", HeadlineMetric.of(earlyStopping, run.cells()).name());
        // Nothing named: the records' metrics are accuracy, loss, macro_f1; loss is never the default.
        assertEquals("accuracy", HeadlineMetric.of(Mappers.YAML.createObjectNode(), run.cells()).name());

        assertFalse(HeadlineMetric.named("loss", List.of()).higherIsBetter());
        assertFalse(HeadlineMetric.named("val_loss", List.of()).higherIsBetter());
        assertTrue(HeadlineMetric.named("loss", List.of()).better(0.3, 0.5));
        assertTrue(HeadlineMetric.named("accuracy", List.of()).better(0.5, Double.NaN));
        assertFalse(HeadlineMetric.named("accuracy", List.of()).better(Double.NaN, 0.5));
    }

    @Test
    void aMetricsDirectionIsTheOneTheRecordsDeclareNotAGuessFromItsName() throws Exception {
        RunDirectory run = RunDirectory.read(RunFixtures.write(root, RunFixtures.Spec.small("r")));
        assertTrue(HeadlineMetric.named("accuracy", run.cells()).higherIsBetter());
        assertFalse(HeadlineMetric.named("loss", run.cells()).higherIsBetter());
        var declared = run.cells().get(0);
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) io.transferbench.Mappers.RECORDS.valueToTree(declared);
        tree.putObject("metric_directions").put("error_rate", "lower");
        var lowerError = io.transferbench.Mappers.RECORDS.treeToValue(tree, io.transferbench.results.CellRecord.class);
        HeadlineMetric error = HeadlineMetric.named("error_rate", List.of(lowerError));
        assertFalse(error.higherIsBetter(), "declared lower, whatever the name says");
        assertTrue(error.better(0.1, 0.2));
    }
}
