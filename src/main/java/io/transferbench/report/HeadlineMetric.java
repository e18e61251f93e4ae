package io.transferbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.transferbench.results.CellRecord;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The one metric a report ranks configurations by: the suite's target metric, else its
 * early-stopping metric, else its first listed metric, else the first non-loss metric the
 * records have. Losses are the only metrics where lower is better.
 */
public record HeadlineMetric(String name, boolean higherIsBetter) {

    public static HeadlineMetric of(JsonNode suite, List<CellRecord> cells) {
        JsonNode training = suite.path("training");
        for (JsonNode named : List.of(training.path("target").path("metric"),
                training.path("early-stopping").path("metric"), suite.path("metrics").path(0))) {
            if (named.isTextual()) {
                return named(named.asText());
            }
        }
        TreeSet<String> seen = new TreeSet<>();
        cells.forEach(c -> {
            if (c.test() != null) {
                seen.addAll(c.test().keySet());
            }
        });
        return named(seen.stream().filter(m -> !isLoss(m)).findFirst().orElse("loss"));
    }

    static HeadlineMetric named(String name) {
        return new HeadlineMetric(name, !isLoss(name));
    }

    private static boolean isLoss(String metric) {
        return metric.equals("loss") || metric.endsWith("_loss");
    }

    /** The metric on the test split, or null when the cell has none (failed cells). */
    public Double test(CellRecord cell) {
        return valueIn(cell.test());
    }

    /** The metric on the validation split: what configurations are chosen by. */
    public Double val(CellRecord cell) {
        return valueIn(cell.val());
    }

    Double valueIn(Map<String, Double> metrics) {
        return metrics == null ? null : metrics.get(name);
    }

    /** True when {@code a} is better than {@code b}; NaN is never better. */
    public boolean better(double a, double b) {
        if (Double.isNaN(a)) {
            return false;
        }
        return Double.isNaN(b) || (higherIsBetter ? a > b : a < b);
    }

    public String direction() {
        return higherIsBetter ? "higher is better" : "lower is better";
    }
}
