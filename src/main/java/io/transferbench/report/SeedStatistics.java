package io.transferbench.report;

import org.apache.commons.statistics.distribution.TDistribution;

import java.util.Collection;
import java.util.Objects;

/**
 * Mean and 95% confidence interval of one quantity over the seeds of a configuration. Seeds are
 * few (3 to 10), so the interval uses Student's t with n-1 degrees of freedom, not the normal
 * 1.96: with 3 seeds the half-width is 4.30 standard errors, and hiding that would overstate
 * what a grid has shown.
 *
 * @param n number of values (seeds) that had this quantity
 * @param mean their mean (NaN when n = 0)
 * @param sd sample standard deviation (NaN when n < 2)
 * @param low lower end of the 95% interval (NaN when n < 2)
 * @param high upper end of the 95% interval (NaN when n < 2)
 */
public record SeedStatistics(int n, double mean, double sd, double low, double high) {

    /** Two-sided confidence level of every interval in reports. */
    public static final double CONFIDENCE = 0.95;

    private static final SeedStatistics EMPTY = new SeedStatistics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    /** Statistics of the values; nulls and NaNs (a cell without this quantity) are left out. */
    public static SeedStatistics of(Collection<Double> values) {
        double[] xs = values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue)
                .filter(Double::isFinite).toArray();
        int n = xs.length;
        if (n == 0) {
            return EMPTY;
        }
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        double mean = sum / n;
        if (n == 1) {
            return new SeedStatistics(1, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double squares = 0;
        for (double x : xs) {
            squares += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        double half = tQuantile(n - 1) * sd / Math.sqrt(n);
        return new SeedStatistics(n, mean, sd, mean - half, mean + half);
    }

    /** Whether there is an interval at all: one seed says nothing about the spread. */
    public boolean hasInterval() {
        return n >= 2;
    }

    public double halfWidth() {
        return (high - low) / 2;
    }

    /** Variance of the mean, sd²/n; the building block of Welch's test. */
    double varianceOfMean() {
        return sd * sd / n;
    }

    /** The two-sided critical value of Student's t for {@link #CONFIDENCE}. */
    static double tQuantile(double degreesOfFreedom) {
        return TDistribution.of(degreesOfFreedom).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
    }
}
