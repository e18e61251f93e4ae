package io.transferbench.report;

import java.util.List;

/**
 * One chart as data, drawn in the browser by {@code report.js} with Chart.js. Kept free of
 * Chart.js's option names so the library could be swapped without touching the report logic.
 *
 * @param id id of the page element the chart is drawn into
 * @param kind "bar" (categories, one value per category per series, optional 95% intervals),
 *     "line" (x/y points joined per series) or "scatter" (x/y points; a series with
 *     {@code line} set is drawn joined, e.g. a Pareto front)
 * @param title shown above the chart
 * @param xTitle x axis title
 * @param yTitle y axis title
 * @param xLog logarithmic x axis, for costs that span orders of magnitude
 * @param categories bar categories; null for line and scatter charts
 * @param series the data
 */
public record ChartSpec(String id, String kind, String title, String xTitle, String yTitle, boolean xLog,
                        List<String> categories, List<Series> series) {

    /**
     * @param label legend entry
     * @param color CSS colour
     * @param values bar heights, one per category (null where missing)
     * @param intervals [low, high] per category (null where missing), drawn as whiskers
     * @param points x/y points for line and scatter charts
     * @param dashed dashed line (training loss next to validation loss)
     * @param line join the points of a scatter series
     */
    public record Series(String label, String color, List<Double> values, List<List<Double>> intervals,
                         List<Point> points, boolean dashed, boolean line) {

        static Series bars(String label, String color, List<Double> values, List<List<Double>> intervals) {
            return new Series(label, color, values, intervals, null, false, false);
        }

        static Series points(String label, String color, List<Point> points, boolean dashed, boolean line) {
            return new Series(label, color, null, null, points, dashed, line);
        }
    }

    /** A point; {@code label} names the configuration in tooltips. */
    public record Point(double x, double y, String label) {}

    /** A number for a chart: JSON has no NaN, so a missing value is null. */
    static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** The 95% interval of a statistic as [low, high], or null without one. */
    static List<Double> interval(SeedStatistics s) {
        return s.hasInterval() ? List.of(s.low(), s.high()) : null;
    }
}
