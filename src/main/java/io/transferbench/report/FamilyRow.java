package io.transferbench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One strategy family in the linear probe / partial / full / LP-FT / scratch comparison: its
 * configuration that did best on validation (test numbers are not used to choose, so the test
 * score is an honest estimate), and how it compares with training from scratch.
 *
 * @param family family name
 * @param best the family's configuration chosen on validation
 * @param configurations how many configurations of the family the grid had
 * @param versusScratch test difference to the best from-scratch configuration, null when the
 *     grid has no scratch cells or this is the scratch row
 */
public record FamilyRow(String family, String color, ConfigSummary best, int configurations,
                        MeanDifference versusScratch) {

    static List<FamilyRow> of(List<ConfigSummary> configs, HeadlineMetric metric) {
        List<FamilyRow> rows = new ArrayList<>();
        ConfigSummary scratch = ConfigSummary.bestOnValidation(
                configs.stream().filter(c -> c.family() == StrategyFamily.SCRATCH).toList(), metric);
        for (StrategyFamily family : StrategyFamily.values()) {
            List<ConfigSummary> members = configs.stream().filter(c -> c.family() == family).toList();
            ConfigSummary best = ConfigSummary.bestOnValidation(members, metric);
            if (best != null) {
                MeanDifference gain = scratch == null || family == StrategyFamily.SCRATCH ? null
                        : MeanDifference.between(scratch.test(), best.test());
                rows.add(new FamilyRow(family.text(), family.color(), best, members.size(), gain));
            }
        }
        return rows;
    }

    public String test() {
        return Formats.metric(best.test());
    }

    public String val() {
        return Formats.metric(best.val());
    }

    public String wall() {
        return Formats.seconds(best.wallSeconds().mean());
    }

    /** "+0.031 [−0.012, +0.074], within noise", or "" where there is nothing to compare with. */
    public String versusScratchText() {
        if (versusScratch == null) {
            return "";
        }
        String interval = Double.isNaN(versusScratch.low()) ? ""
                : " [" + Formats.delta(versusScratch.low()) + ", " + Formats.delta(versusScratch.high()) + "]";
        return Formats.delta(versusScratch.delta()) + interval + ", " + versusScratch.verdict().text();
    }
}
