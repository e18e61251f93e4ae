package io.transferbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.transferbench.results.CellRecord;
import io.transferbench.suite.FieldPath;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The grid's axes (seeds aside) as the suite named them, and which of them took more than one
 * value in this run. Labels name only the axes that vary, so they stay short.
 *
 * @param names every axis, standard ones first: strategy, freeze, schedule, lr, layer-decay,
 *     then any other field by its dotted path
 * @param varying the axes with more than one value among the records
 */
public record GridAxes(List<String> names, List<String> varying) {

    private static final List<String> STANDARD = List.of("strategy", "freeze", "schedule", "lr", "layer-decay");

    public static GridAxes of(JsonNode suite, List<CellRecord> cells) {
        Set<String> names = new LinkedHashSet<>(STANDARD.subList(0, 2));
        List<String> fromSuite = new ArrayList<>();
        suite.path("grid").fieldNames().forEachRemaining(fromSuite::add);
        STANDARD.stream().filter(fromSuite::contains).forEach(names::add);
        fromSuite.stream().filter(a -> !STANDARD.contains(a) && !a.equals("seeds")).sorted().forEach(names::add);
        List<String> varying = names.stream()
                .filter(a -> cells.stream().map(c -> value(c.config(), a)).distinct().count() > 1).toList();
        return new GridAxes(List.copyOf(names), varying);
    }

    /**
     * An axis's value in a cell config; grid axes are config fields by the same dotted path.
     * Numbers print as written in a suite (1e-4 as 0.0001, not Java's 1.0E-4).
     */
    public static String value(JsonNode config, String axis) {
        return FieldPath.value(config, axis);
    }

    /** "lp-ft freeze=2", plus "name=value" for every other axis that varies. */
    public String label(JsonNode config) {
        StringBuilder label = new StringBuilder(value(config, "strategy")).append(" freeze=").append(value(config, "freeze"));
        for (String axis : varying) {
            if (!axis.equals("strategy") && !axis.equals("freeze")) {
                label.append(' ').append(axis).append('=').append(value(config, axis));
            }
        }
        return label.toString();
    }

    /** The varying axes other than strategy and freeze: the columns of the grid at a glance. */
    public List<String> columnAxes() {
        return varying.stream().filter(a -> !a.equals("strategy") && !a.equals("freeze")).toList();
    }
}
