package io.transferbench.report;

import io.transferbench.results.CellRecord;
import io.transferbench.results.EpochPoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** The charts of a run report, as data: every value is a mean over the seeds of a configuration. */
final class RunCharts {

    /** Tableau 10: distinguishable, and readable by most colour-blind readers. */
    private static final List<String> PALETTE = List.of("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
            "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac");
    /** Above this spread of costs, a linear axis squeezes the cheap configurations into a corner. */
    private static final double LOG_AXIS_SPREAD = 30;

    private final List<ConfigSummary> configs;
    private final HeadlineMetric metric;

    RunCharts(List<ConfigSummary> configs, HeadlineMetric metric) {
        this.configs = configs;
        this.metric = metric;
    }

    static String color(int index) {
        return PALETTE.get(index % PALETTE.size());
    }

    /** Validation and test metric of the best configuration of each strategy family. */
    ChartSpec strategies(List<FamilyRow> families) {
        List<String> names = families.stream().map(FamilyRow::family).toList();
        List<ConfigSummary> best = families.stream().map(FamilyRow::best).toList();
        return new ChartSpec("chart-strategies", "bar", "Best configuration of each strategy (95% interval over seeds)",
                null, metric.name(), false, names, List.of(
                        meanBars("validation " + metric.name(), "#a0cbe8", best, ConfigSummary::val),
                        meanBars("test " + metric.name(), "#4e79a7", best, ConfigSummary::test)));
    }

    ChartSpec metricCurves() {
        return curves("chart-curves-metric", "Validation " + metric.name() + " per epoch", metric.name(),
                List.of(new CurveLine("", false, p -> p.val() == null ? null : p.val().get(metric.name()))));
    }

    ChartSpec lossCurves() {
        return curves("chart-curves-loss", "Loss per epoch (solid: validation, dashed: training)", "loss",
                List.of(new CurveLine("", false, p -> p.valLoss()),
                        new CurveLine(" (train)", true, p -> p.trainLoss())));
    }

    /** Mean seconds to the target of the configurations that reached it; null when none did. */
    ChartSpec timeToTarget() {
        List<ConfigSummary> reached = configs.stream().filter(c -> c.reachedTarget() > 0).toList();
        if (reached.isEmpty()) {
            return null;
        }
        return new ChartSpec("chart-time-to-target", "bar", "Time to target (mean over the seeds that reached it)",
                null, "seconds", false, labels(reached),
                List.of(meanBars("time to target", "#e15759", reached, ConfigSummary::timeToTarget)));
    }

    ChartSpec qualityVersusTime(List<ConfigSummary> front) {
        return tradeOff("chart-pareto-time", "Test " + metric.name() + " vs wall time per cell", "wall seconds per cell",
                s -> s.wallSeconds().mean(), front);
    }

    ChartSpec qualityVersusMemory(List<ConfigSummary> front) {
        return tradeOff("chart-pareto-memory", "Test " + metric.name() + " vs peak memory", "peak resident memory (MB)",
                s -> s.peakRssBytes().mean() / 1048576.0, front);
    }

    ChartSpec throughput() {
        return new ChartSpec("chart-throughput", "bar", "Training throughput", null, "training samples/s", false,
                labels(configs), List.of(meanBars("samples/s", "#76b7b2", configs, ConfigSummary::trainSamplesPerSecond)));
    }

    ChartSpec achievedFlops() {
        List<Double> values = configs.stream().map(c -> ChartSpec.finite(c.achievedFlops().mean() / 1e9)).toList();
        List<List<Double>> intervals = configs.stream().map(c -> c.achievedFlops().hasInterval()
                ? List.of(c.achievedFlops().low() / 1e9, c.achievedFlops().high() / 1e9) : null).toList();
        return new ChartSpec("chart-flops", "bar", "Achieved training FLOP/s", null, "GFLOP/s", false, labels(configs),
                List.of(ChartSpec.Series.bars("GFLOP/s", "#59a14f", values, intervals)));
    }

    private static List<String> labels(List<ConfigSummary> summaries) {
        return summaries.stream().map(ConfigSummary::label).toList();
    }

    private static ChartSpec.Series meanBars(String label, String color, List<ConfigSummary> summaries,
                                             Function<ConfigSummary, SeedStatistics> statistic) {
        return ChartSpec.Series.bars(label, color,
                summaries.stream().map(s -> ChartSpec.finite(statistic.apply(s).mean())).toList(),
                summaries.stream().map(s -> ChartSpec.interval(statistic.apply(s))).toList());
    }

    /** One quantity of the learning curve, drawn as one line per configuration. */
    private record CurveLine(String suffix, boolean dashed, Function<EpochPoint, Double> value) {}

    private ChartSpec curves(String id, String title, String yTitle, List<CurveLine> lines) {
        List<ChartSpec.Series> series = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            ConfigSummary c = configs.get(i);
            for (CurveLine line : lines) {
                List<ChartSpec.Point> points = meanCurve(c.group().ok(), line.value());
                if (!points.isEmpty()) {
                    series.add(ChartSpec.Series.points(c.label() + line.suffix(), color(i), points, line.dashed(), true));
                }
            }
        }
        return new ChartSpec(id, "line", title, "epoch", yTitle, false, null, series);
    }

    /** Per epoch, the mean over the cells that ran that epoch (early stopping ends some sooner). */
    static List<ChartSpec.Point> meanCurve(List<CellRecord> cells, Function<EpochPoint, Double> value) {
        Map<Integer, List<Double>> byEpoch = new TreeMap<>();
        for (CellRecord cell : cells) {
            for (EpochPoint p : cell.curve()) {
                Double v = value.apply(p);
                if (v != null && Double.isFinite(v)) {
                    byEpoch.computeIfAbsent(p.epoch(), e -> new ArrayList<>()).add(v);
                }
            }
        }
        List<ChartSpec.Point> points = new ArrayList<>();
        byEpoch.forEach((epoch, values) -> points.add(new ChartSpec.Point(epoch,
                values.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), null)));
        return points;
    }

    private ChartSpec tradeOff(String id, String title, String xTitle, ToDoubleFunction<ConfigSummary> cost,
                               List<ConfigSummary> front) {
        List<ChartSpec.Series> series = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (StrategyFamily family : StrategyFamily.values()) {
            List<ChartSpec.Point> points = new ArrayList<>();
            for (ConfigSummary c : configs) {
                double x = cost.applyAsDouble(c);
                double y = c.test().mean();
                if (c.family() == family && Double.isFinite(x) && Double.isFinite(y)) {
                    points.add(new ChartSpec.Point(x, y, c.label()));
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                }
            }
            if (!points.isEmpty()) {
                series.add(ChartSpec.Series.points(family.text(), family.color(), points, false, false));
            }
        }
        List<ChartSpec.Point> frontPoints = front.stream()
                .map(c -> new ChartSpec.Point(cost.applyAsDouble(c), c.test().mean(), c.label())).toList();
        if (!frontPoints.isEmpty()) {
            series.add(ChartSpec.Series.points("Pareto front", "#333333", frontPoints, true, true));
        }
        return new ChartSpec(id, "scatter", title, xTitle, "test " + metric.name(), min > 0 && max / min > LOG_AXIS_SPREAD,
                null, series);
    }
}
