package io.transferbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.transferbench.assets.AssetLock;
import io.transferbench.results.CellRecord;
import io.transferbench.results.EnvironmentInfo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the run page shows, computed from a run's records and ready to lay out: the
 * template formats nothing and decides nothing.
 */
public record RunReport(
        String title,
        PageLinks links,
        String suite,
        String runId,
        String description,
        List<Fact> setup,
        List<Fact> compared,
        String metric,
        String target,
        Counts counts,
        List<Fact> unreadableRecords,
        String machine,
        List<Fact> environment,
        List<AssetRow> assets,
        GridView grid,
        List<FamilyRow> strategies,
        List<String> otherTestSets,
        List<ConfigRow> configurations,
        BestConfigDetail best,
        boolean anyReachedTarget,
        List<CellRow> cells,
        List<CellRow> problems,
        List<Link> downloads,
        String chartJson) {

    /** How the cells ended. */
    public record Counts(int cells, int configurations, int ok, int diverged, int failed, String started,
                         String finished, String cellSeconds) {}

    /**
     * One configuration in the full table, best on validation first.
     *
     * @param paretoTime on the quality/wall-time front
     * @param paretoMemory on the quality/peak-memory front
     * @param otherTests the headline metric on each of {@link #otherTestSets}
     */
    public record ConfigRow(String label, String family, String seeds, String val, String test,
                            List<String> otherTests, String timeToTarget,
                            String wall, String samplesPerSecond, String gflops, String peakMemory, boolean best,
                            boolean paretoTime, boolean paretoMemory) {}

    /** One cell; {@code href} opens its JSON record. */
    public record CellRow(String id, String href, String label, String status, String reason, String val,
                          String test, String wall, String timeToTarget, String samplesPerSecond, String gflops,
                          String peakMemory) {}

    static RunReport of(RunDirectory run, Optional<AssetLock> lock, PageLinks links) {
        List<CellRecord> cells = run.cells();
        HeadlineMetric metric = HeadlineMetric.of(run.suite(), cells);
        GridAxes axes = GridAxes.of(run.suite(), cells);
        List<ConfigSummary> configs = ConfigSummary.of(cells, axes, metric);
        ConfigSummary best = ConfigSummary.bestOnValidation(configs, metric);
        List<ConfigSummary> timeFront = ParetoFront.of(configs, c -> c.wallSeconds().mean(), c -> c.test().mean(),
                metric.higherIsBetter());
        List<ConfigSummary> memoryFront = ParetoFront.of(configs, c -> c.peakRssBytes().mean(),
                c -> c.test().mean(), metric.higherIsBetter());
        List<FamilyRow> families = FamilyRow.of(configs, metric);

        RunCharts charts = new RunCharts(configs, metric);
        List<ChartSpec> chartList = new ArrayList<>(List.of(charts.strategies(families), charts.metricCurves(),
                charts.lossCurves()));
        Optional.ofNullable(charts.timeToTarget()).ifPresent(chartList::add);
        chartList.addAll(List.of(charts.qualityVersusTime(timeFront), charts.qualityVersusMemory(memoryFront),
                charts.throughput(), charts.achievedFlops()));

        List<String> otherTestSets = cells.stream().flatMap(c -> c.otherTests().keySet().stream()).distinct().toList();
        List<ConfigRow> rows = configs.stream()
                .sorted(Comparator.comparing((ConfigSummary c) -> c.val().mean(),
                        (a, b) -> metric.better(a, b) ? -1 : metric.better(b, a) ? 1 : 0))
                .map(c -> new ConfigRow(c.label(), c.family().text(), c.seedsText(), Formats.metric(c.val()),
                        Formats.metric(c.test()), otherTestSets.stream()
                                .map(t -> Formats.metric(c.group().stats(cell -> metric.otherTest(cell, t)))).toList(),
                        timeToTarget(c), Formats.seconds(c.wallSeconds().mean()),
                        Formats.rate(c.trainSamplesPerSecond().mean()), Formats.gflops(c.achievedFlops().mean()),
                        Formats.megabytes(c.peakRssBytes().mean()), c == best, timeFront.contains(c),
                        memoryFront.contains(c)))
                .toList();
        List<CellRow> cellRows = cells.stream().map(c -> cellRow(c, metric, links)).toList();
        String title = run.suiteName() + " / " + run.runId();
        return new RunReport(title, links, run.suiteName(), run.runId(), run.suite().path("description").asText(""),
                setup(run.suite()), compared(run.suite(), axes, cells), metric.name() + " (" + metric.direction() + ")",
                target(run.suite(), cells), counts(cells, configs.size()),
                run.unreadable().stream().map(u -> new Fact(u.file(), u.reason())).toList(),
                Machine.of(run.env()).name(),
                environment(run.env()), AssetRow.of(cells, lock), GridView.of(configs, axes, best, metric), families,
                otherTestSets, rows, BestConfigDetail.of(best, links.data()), configs.stream().anyMatch(c -> c.reachedTarget() > 0), cellRows,
                cellRows.stream().filter(c -> !CellRecord.OK.equals(c.status())).toList(), downloads(links),
                ScriptJson.of(Map.of("charts", chartList)));
    }

    private static String timeToTarget(ConfigSummary c) {
        int ok = c.group().ok().size();
        return c.reachedTarget() == 0 ? "not reached (0/" + ok + ")"
                : Formats.seconds(c.timeToTarget().mean()) + " (" + c.reachedTarget() + "/" + ok + ")";
    }

    private static CellRow cellRow(CellRecord c, HeadlineMetric metric, PageLinks links) {
        return new CellRow(c.cellId(), links.data() + "cells/" + c.cellId() + ".json", c.label(), c.status(),
                c.reason() == null ? "" : c.reason(), Formats.metric(Formats.orNaN(metric.val(c))),
                Formats.metric(Formats.orNaN(metric.test(c))), Formats.seconds(c.wallSeconds()),
                c.timeToTargetSeconds() == null ? Formats.MISSING : Formats.seconds(c.timeToTargetSeconds()),
                Formats.rate(c.trainSamplesPerSecond()), Formats.gflops(Formats.orNaN(c.achievedTrainFlopsPerSecond())),
                Formats.megabytes(Formats.orNaN(c.peakRssBytes())));
    }

    /** Task, model and data as the suite names them. */
    private static List<Fact> setup(JsonNode suite) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("task", suite.path("task").asText()));
        JsonNode model = suite.path("model");
        String modelName = model.isTextual() ? model.asText() : model.path("name").asText();
        JsonNode pretrain = model.path("pretrain");
        facts.add(new Fact("model", modelName + (pretrain.isObject()
                ? ", pretrained in the harness on " + pretrain.path("dataset").path("name").asText() : "")));
        JsonNode dataset = suite.path("dataset");
        String datasetName = dataset.isTextual() ? dataset.asText() : dataset.path("name").asText();
        facts.add(new Fact("dataset", datasetName + (dataset.has("limit")
                ? ", " + dataset.path("limit").asText() + " training examples" : "")));
        JsonNode training = suite.path("training");
        facts.add(new Fact("training", training.path("epochs").asText("?") + " epochs, batch "
                + training.path("batch-size").asText("32") + ", " + training.path("optimizer").asText("adamw")));
        return facts;
    }

    /** Each grid axis and its values; axes with one value are settings, not comparisons, and say so. */
    private static List<Fact> compared(JsonNode suite, GridAxes axes, List<CellRecord> cells) {
        List<Fact> facts = new ArrayList<>();
        for (String axis : axes.names()) {
            List<String> values = cells.stream().map(c -> GridAxes.value(c.config(), axis)).distinct().toList();
            facts.add(new Fact(axis, String.join(", ", values) + (axes.varying().contains(axis) ? "" : " (fixed)")));
        }
        List<String> seeds = new ArrayList<>();
        suite.path("grid").path("seeds").forEach(s -> seeds.add(s.asText()));
        if (seeds.isEmpty()) {
            cells.stream().map(c -> Long.toString(c.seed())).distinct().forEach(seeds::add);
        }
        facts.add(new Fact("seeds", String.join(", ", seeds)));
        return facts;
    }

    private static String target(JsonNode suite, List<CellRecord> cells) {
        JsonNode target = suite.path("training").path("target");
        if (!target.isObject()) {
            return null;
        }
        HeadlineMetric m = HeadlineMetric.named(target.path("metric").asText(), cells);
        return "validation " + m.name() + (m.higherIsBetter() ? " ≥ " : " ≤ ") + target.path("value").asText();
    }

    private static Counts counts(List<CellRecord> cells, int configurations) {
        int ok = (int) cells.stream().filter(c -> CellRecord.OK.equals(c.status())).count();
        int diverged = (int) cells.stream().filter(c -> CellRecord.DIVERGED.equals(c.status())).count();
        String started = cells.stream().map(CellRecord::startedAt).filter(s -> s != null).min(String::compareTo)
                .orElse(null);
        String finished = cells.stream().map(CellRecord::finishedAt).filter(s -> s != null).max(String::compareTo)
                .orElse(null);
        double seconds = cells.stream().mapToDouble(CellRecord::wallSeconds).sum();
        return new Counts(cells.size(), configurations, ok, diverged, cells.size() - ok - diverged,
                Formats.when(started), Formats.when(finished), Formats.seconds(seconds));
    }

    private static List<Fact> environment(EnvironmentInfo env) {
        List<Fact> facts = new ArrayList<>(List.of(
                new Fact("CPU", Machine.cpu(env) + " (" + env.physicalCores() + " cores, " + env.logicalCores()
                        + " threads)"),
                new Fact("memory", Formats.megabytes(env.memoryBytes())),
                new Fact("device", env.device() + (env.gpus() == null || env.gpus().isEmpty() ? ""
                        : ": " + String.join(", ", env.gpus()) + (env.gpuDriver() == null ? ""
                        : ", driver " + env.gpuDriver()))),
                new Fact("OS", env.os()),
                new Fact("JVM", env.jvm()),
                new Fact("engine", String.format(Locale.ROOT, "DJL %s, %s %s, %s", env.djlVersion(),
                        env.engine(), env.engineVersion(), Machine.engineThreads(env))),
                new Fact("harness", env.harnessVersion() + " (commit " + env.harnessCommit() + ")"),
                new Fact("host", Machine.host(env)),
                new Fact("captured", Formats.when(env.capturedAt()))));
        return facts;
    }

    private static List<Link> downloads(PageLinks links) {
        return List.of(new Link("results.csv (one row per cell)", links.data() + "results.csv"),
                new Link("curves.csv (one row per epoch per cell)", links.data() + "curves.csv"),
                new Link("env.json (machine and software)", links.data() + "env.json"),
                new Link("suite.resolved.yaml (the suite as run)", links.data() + "suite.resolved.yaml"));
    }
}
