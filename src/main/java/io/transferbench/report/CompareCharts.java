package io.transferbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The charts of a comparison page: per matched configuration, one bar per run. */
final class CompareCharts {

    private final List<String> runNames;
    /** Per matched configuration, one summary per run. */
    private final List<List<ConfigSummary>> matched;
    private final HeadlineMetric metric;

    CompareCharts(List<String> runNames, List<List<ConfigSummary>> matched, HeadlineMetric metric) {
        this.runNames = runNames;
        this.matched = matched;
        this.metric = metric;
    }

    /** The charts; none when no configuration ran in every run. */
    List<ChartSpec> all() {
        if (matched.isEmpty()) {
            return List.of();
        }
        List<ChartSpec> charts = new ArrayList<>(List.of(
                perRun("chart-compare-metric", "Test " + metric.name() + " (95% interval over seeds)", metric.name(),
                        matched, ConfigSummary::test, 1),
                speedUps(),
                perRun("chart-compare-throughput", "Training throughput", "training samples/s", matched,
                        ConfigSummary::trainSamplesPerSecond, 1),
                perRun("chart-compare-memory", "Peak resident memory", "MB", matched, ConfigSummary::peakRssBytes,
                        1048576.0)));
        List<List<ConfigSummary>> reached = matched.stream()
                .filter(row -> row.stream().anyMatch(c -> c.reachedTarget() > 0)).toList();
        if (!reached.isEmpty()) {
            charts.add(perRun("chart-compare-time-to-target", "Time to target (configurations that reached it)",
                    "seconds", reached, ConfigSummary::timeToTarget, 1));
        }
        return charts;
    }

    private static List<String> labels(List<List<ConfigSummary>> rows) {
        return rows.stream().map(row -> row.get(0).label()).toList();
    }

    private ChartSpec perRun(String id, String title, String yTitle, List<List<ConfigSummary>> rows,
                             Function<ConfigSummary, SeedStatistics> statistic, double unit) {
        List<ChartSpec.Series> series = new ArrayList<>();
        for (int i = 0; i < runNames.size(); i++) {
            int run = i;
            List<SeedStatistics> stats = rows.stream().map(row -> statistic.apply(row.get(run))).toList();
            series.add(ChartSpec.Series.bars(runNames.get(i), RunCharts.color(i),
                    stats.stream().map(s -> ChartSpec.finite(s.mean() / unit)).toList(),
                    stats.stream().map(s -> s.hasInterval() ? List.of(s.low() / unit, s.high() / unit) : null).toList()));
        }
        return new ChartSpec(id, "bar", title, null, yTitle, false, labels(rows), series);
    }

    private ChartSpec speedUps() {
        List<ChartSpec.Series> series = new ArrayList<>();
        for (int i = 1; i < runNames.size(); i++) {
            int run = i;
            series.add(ChartSpec.Series.bars(runNames.get(i), RunCharts.color(i), matched.stream()
                    .map(row -> ChartSpec.finite(RunComparison.speedUp(row.get(0), row.get(run)))).toList(),
                    null));
        }
        return new ChartSpec("chart-compare-speedup", "bar", "Speed-up over " + runNames.get(0) + " (wall time per cell)",
                null, "× baseline speed", false, labels(matched), series);
    }
}
