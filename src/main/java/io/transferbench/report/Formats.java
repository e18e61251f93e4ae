package io.transferbench.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** How reports print numbers: fixed precision per kind of quantity, and "–" for what is missing. */
final class Formats {

    static final String MISSING = "–";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {}

    /** A metric value (accuracy, F1, loss): three decimals. */
    static String metric(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : MISSING;
    }

    /** Mean ± half-width of the 95% interval, or the bare mean when one seed gives no interval. */
    static String metric(SeedStatistics s) {
        if (s.n() == 0) {
            return MISSING;
        }
        return s.hasInterval() ? metric(s.mean()) + " ± " + metric(s.halfWidth()) : metric(s.mean());
    }

    /** A signed difference of metrics. */
    static String delta(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.3f", v) : MISSING;
    }

    static String seconds(double s) {
        if (!Double.isFinite(s)) {
            return MISSING;
        }
        if (s < 10) {
            return String.format(Locale.ROOT, "%.2f s", s);
        }
        if (s < 600) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        return String.format(Locale.ROOT, "%.1f min", s / 60);
    }

    static String megabytes(double bytes) {
        return Double.isFinite(bytes) ? String.format(Locale.ROOT, "%,.0f MB", bytes / 1048576.0) : MISSING;
    }

    static String rate(double perSecond) {
        return Double.isFinite(perSecond) ? String.format(Locale.ROOT, "%,.0f/s", perSecond) : MISSING;
    }

    static String gflops(double flopsPerSecond) {
        return Double.isFinite(flopsPerSecond) ? String.format(Locale.ROOT, "%.3f", flopsPerSecond / 1e9) : MISSING;
    }

    /** A ratio such as a speed-up: "2.31×". */
    static String ratio(double r) {
        return Double.isFinite(r) ? String.format(Locale.ROOT, "%.2f×", r) : MISSING;
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** An ISO instant from a record as "2026-01-31 14:05 UTC"; text that is not one is shown as it is. */
    static String when(String isoInstant) {
        if (isoInstant == null) {
            return MISSING;
        }
        try {
            return WHEN.format(Instant.parse(isoInstant));
        } catch (DateTimeParseException e) {
            return isoInstant;
        }
    }

    /** Null (a quantity a record does not have) as NaN, so statistics leave it out. */
    static double orNaN(Number n) {
        return n == null ? Double.NaN : n.doubleValue();
    }
}
