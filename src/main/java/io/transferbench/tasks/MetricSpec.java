package io.transferbench.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A metric a task reports and which way is better. Tasks declare the direction, records carry it
 * and reports read it, so no layer has to guess from a metric's name.
 */
public record MetricSpec(String name, boolean higherIsBetter) {

    /** The mean loss every evaluation reports beside the task's own metrics. */
    public static final MetricSpec LOSS = new MetricSpec("loss", false);

    public static final String HIGHER = "higher";
    public static final String LOWER = "lower";

    /** The direction as records write it: {@value HIGHER} or {@value LOWER} is better. */
    public String direction() {
        return higherIsBetter ? HIGHER : LOWER;
    }

    /** Metric name to direction, in the given order, the loss included. */
    public static Map<String, String> directions(List<MetricSpec> metrics) {
        Map<String, String> directions = new LinkedHashMap<>();
        metrics.forEach(m -> directions.put(m.name(), m.direction()));
        directions.putIfAbsent(LOSS.name(), LOSS.direction());
        return directions;
    }
}
