package io.transferbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The strategy grid at a glance: one row per strategy and freeze depth, one column per
 * combination of the other axes that vary, the test metric (mean ± 95% interval, seeds) in each
 * cell, shaded from worst (white) to best (blue).
 *
 * @param columns column headings
 * @param rows one per strategy and freeze depth, in grid order
 */
public record GridView(List<String> columns, List<Row> rows) {

    public record Row(String strategy, String freeze, List<Entry> entries) {}

    /**
     * @param text mean ± half-width, or "" where the grid has no such cell
     * @param seeds ok seeds out of all, e.g. "3" or "2 of 3"
     * @param best the configuration best on validation
     * @param background CSS colour of the shading
     */
    public record Entry(String text, String seeds, boolean best, String background) {
        static final Entry EMPTY = new Entry("", "", false, "transparent");
    }

    static GridView of(List<ConfigSummary> configs, GridAxes axes, ConfigSummary best, HeadlineMetric metric) {
        List<String> columnAxes = axes.columnAxes();
        Map<String, Map<String, ConfigSummary>> byRow = new LinkedHashMap<>();
        Map<String, String[]> rowHeads = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ConfigSummary c : configs) {
            String strategy = GridAxes.value(c.group().config(), "strategy");
            String freeze = GridAxes.value(c.group().config(), "freeze");
            String row = strategy + "\u0000" + freeze;
            String column = columnAxes.isEmpty() ? "test " + metric.name() : String.join(" ",
                    columnAxes.stream().map(a -> a + "=" + GridAxes.value(c.group().config(), a)).toList());
            if (!columns.contains(column)) {
                columns.add(column);
            }
            rowHeads.putIfAbsent(row, new String[] {strategy, freeze});
            byRow.computeIfAbsent(row, r -> new LinkedHashMap<>()).put(column, c);
            if (Double.isFinite(c.test().mean())) {
                min = Math.min(min, c.test().mean());
                max = Math.max(max, c.test().mean());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (var row : byRow.entrySet()) {
            List<Entry> entries = new ArrayList<>();
            for (String column : columns) {
                ConfigSummary c = row.getValue().get(column);
                entries.add(c == null ? Entry.EMPTY : new Entry(Formats.metric(c.test()), c.seedsText(), c == best,
                        shade(c.test().mean(), min, max, metric.higherIsBetter())));
            }
            String[] head = rowHeads.get(row.getKey());
            rows.add(new Row(head[0], head[1], entries));
        }
        return new GridView(columns, rows);
    }

    /** Lightness 97% for the worst value to 72% for the best; a single value is the best. */
    static String shade(double value, double min, double max, boolean higherIsBetter) {
        if (!Double.isFinite(value)) {
            return "transparent";
        }
        double goodness = max > min ? (value - min) / (max - min) : 1;
        if (!higherIsBetter) {
            goodness = 1 - goodness;
        }
        return String.format(Locale.ROOT, "hsl(210, 60%%, %.0f%%)", 97 - 25 * goodness);
    }
}
