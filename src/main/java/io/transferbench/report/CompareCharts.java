package io.transferbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The charts of a comparison page: per matched configuration, one bar per run. */
final class CompareCharts {

    private final List<String> runNames;
    private final List<Map<String, ConfigSummary>> byRun;
    private final List<ConfigSummary> matched;
    private final HeadlineMetric metric;

    CompareCharts(List<String> runNames, List<Map<String, ConfigSummary>> byRun, List<ConfigSummary> matched,
                  HeadlineMetric metric) {
        this.runNames = runNames;
        this.byRun = byRun;
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
        List<ConfigSummary> reached = matched.stream()
                .filter(c -> byRun.stream().anyMatch(r -> r.get(c.group().key()).reachedTarget() > 0)).toList();
        if (!reached.isEmpty()) {
            charts.add(perRun("chart-compare-time-to-target", "Time to target (configurations that reached it)",
                    "seconds", reached, ConfigSummary::timeToTarget, 1));
        }
        return charts;
    }

    private static List<String> labels(List<ConfigSummary> configs) {
        return configs.stream().map(ConfigSummary::label).toList();
    }

    private ChartSpec perRun(String id, String title, String yTitle, List<ConfigSummary> configs,
                             Function<ConfigSummary, SeedStatistics> statistic, double unit) {
        List<ChartSpec.Series> series = new ArrayList<>();
        for (int i = 0; i < byRun.size(); i++) {
            Map<String, ConfigSummary> run = byRun.get(i);
            List<SeedStatistics> stats = configs.stream().map(c -> statistic.apply(run.get(c.group().key()))).toList();
            series.add(ChartSpec.Series.bars(runNames.get(i), RunCharts.color(i),
                    stats.stream().map(s -> ChartSpec.finite(s.mean() / unit)).toList(),
                    stats.stream().map(s -> s.hasInterval() ? List.of(s.low() / unit, s.high() / unit) : null).toList()));
        }
        return new ChartSpec(id, "bar", title, null, yTitle, false, labels(configs), series);
    }

    private ChartSpec speedUps() {
        List<ChartSpec.Series> series = new ArrayList<>();
        for (int i = 1; i < byRun.size(); i++) {
            Map<String, ConfigSummary> run = byRun.get(i);
            series.add(ChartSpec.Series.bars(runNames.get(i), RunCharts.color(i), matched.stream()
                    .map(base -> ChartSpec.finite(RunComparison.speedUp(base, run.get(base.group().key())))).toList(),
                    null));
        }
        return new ChartSpec("chart-compare-speedup", "bar", "Speed-up over " + runNames.get(0) + " (wall time per cell)",
                null, "× baseline speed", false, labels(matched), series);
    }
}
