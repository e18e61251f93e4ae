package io.transferbench.report;

import io.transferbench.results.CellRecord;

import java.util.List;

/**
 * What a report says about one configuration: quality and cost over its seeds. Quality and cost
 * come from ok cells only; diverged and failed cells are counted and listed, not averaged in.
 *
 * @param group the configuration's cells
 * @param label short label naming the varying axes
 * @param val headline metric on validation (what configurations are chosen by)
 * @param test headline metric on test (what is reported)
 * @param wallSeconds wall time per cell, evaluation included
 * @param timeToTarget seconds to reach the suite's target, over the cells that reached it
 * @param reachedTarget how many ok cells reached the target
 * @param trainSamplesPerSecond training throughput
 * @param achievedFlops achieved training FLOP/s
 * @param peakRssBytes peak resident memory of the process during the cell
 */
public record ConfigSummary(ConfigGroup group, String label, SeedStatistics val, SeedStatistics test,
                            SeedStatistics wallSeconds, SeedStatistics timeToTarget, int reachedTarget,
                            SeedStatistics trainSamplesPerSecond, SeedStatistics achievedFlops,
                            SeedStatistics peakRssBytes) {

    public static List<ConfigSummary> of(List<CellRecord> cells, GridAxes axes, HeadlineMetric metric) {
        return ConfigGroup.of(cells).stream().map(g -> of(g, axes, metric)).toList();
    }

    static ConfigSummary of(ConfigGroup g, GridAxes axes, HeadlineMetric metric) {
        SeedStatistics ttt = g.stats(CellRecord::timeToTargetSeconds);
        return new ConfigSummary(g, axes.label(g.config()), g.stats(metric::val), g.stats(metric::test),
                g.stats(CellRecord::wallSeconds), ttt, ttt.n(),
                g.stats(CellRecord::trainSamplesPerSecond), g.stats(CellRecord::achievedTrainFlopsPerSecond),
                g.stats(c -> c.peakRssBytes() == null ? null : c.peakRssBytes().doubleValue()));
    }

    public StrategyFamily family() {
        return group.family();
    }

    /** ok cells out of all cells, e.g. "3" or "2 of 3". */
    public String seedsText() {
        int ok = group.ok().size();
        return ok == group.cells().size() ? Integer.toString(ok) : ok + " of " + group.cells().size();
    }

    /** The configuration best on validation among {@code summaries}, or null when none has a value. */
    static ConfigSummary bestOnValidation(List<ConfigSummary> summaries, HeadlineMetric metric) {
        ConfigSummary best = null;
        for (ConfigSummary s : summaries) {
            if (best == null ? Double.isFinite(s.val().mean()) : metric.better(s.val().mean(), best.val().mean())) {
                best = s;
            }
        }
        return best;
    }
}
