package io.transferbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.transferbench.results.CellRecord;
import io.transferbench.tasks.MetricSpec;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The one metric a report ranks configurations by: the suite's target metric, else its
 * early-stopping metric, else its first listed metric, else the first metric the records say is
 * better higher. Its direction is the one the records carry (the task declared it); records from
 * harnesses before they carried directions leave it to the name: losses are lower-is-better.
 */
public record HeadlineMetric(String name, boolean higherIsBetter) {

    public static HeadlineMetric of(JsonNode suite, List<CellRecord> cells) {
        JsonNode training = suite.path("training");
        for (JsonNode named : List.of(training.path("target").path("metric"),
                training.path("early-stopping").path("metric"), suite.path("metrics").path(0))) {
            if (named.isTextual()) {
                return named(named.asText(), cells);
            }
        }
        TreeSet<String> seen = new TreeSet<>();
        cells.forEach(c -> {
            if (c.test() != null) {
                seen.addAll(c.test().keySet());
            }
        });
        return seen.stream().map(m -> named(m, cells)).filter(HeadlineMetric::higherIsBetter).findFirst()
                .orElse(named("loss", cells));
    }

    /** The metric {@code name} with the direction the records declare for it. */
    static HeadlineMetric named(String name, List<CellRecord> cells) {
        for (CellRecord c : cells) {
            String direction = c.metricDirections() == null ? null : c.metricDirections().get(name);
            if (direction != null) {
                return new HeadlineMetric(name, direction.equals(MetricSpec.HIGHER));
            }
        }
        return new HeadlineMetric(name, !isLoss(name));
    }

    private static boolean isLoss(String metric) {
        return metric.equals("loss") || metric.endsWith("_loss");
    }

    /** The metric on the test split, or null when the cell has none (failed cells). */
    public Double test(CellRecord cell) {
        return valueIn(cell.test());
    }

    /** The metric on one of the dataset's further evaluation sets, or null when the cell has none. */
    public Double otherTest(CellRecord cell, String set) {
        var scores = cell.otherTests().get(set);
        return scores == null ? null : valueIn(scores.metrics());
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
