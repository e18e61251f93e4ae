package io.transferbench.report;

/**
 * How one run's mean differs from a baseline run's mean for the same configuration, with the 95%
 * Welch interval of the difference. The rule for "within noise": the interval contains 0, which
 * is Welch's two-sided t-test at the 5% level. Welch, not Student, because two machines need not
 * have the same spread (a GPU run's wall times vary differently from a CPU run's).
 *
 * @param delta other mean minus baseline mean
 * @param low lower end of the interval of the difference (NaN when it cannot be estimated)
 * @param high upper end (NaN when it cannot be estimated)
 * @param verdict what the interval says
 */
public record MeanDifference(double delta, double low, double high, Verdict verdict) {

    /** What a difference amounts to, given the seeds' spread. */
    public enum Verdict {
        WITHIN_NOISE("within noise"),
        HIGHER("higher"),
        LOWER("lower"),
        TOO_FEW_SEEDS("too few seeds to tell");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public static MeanDifference between(SeedStatistics baseline, SeedStatistics other) {
        double delta = other.mean() - baseline.mean();
        if (baseline.n() < 2 || other.n() < 2) {
            return new MeanDifference(delta, Double.NaN, Double.NaN, Verdict.TOO_FEW_SEEDS);
        }
        double va = baseline.varianceOfMean();
        double vb = other.varianceOfMean();
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            // Both runs repeat exactly (same seeds, deterministic): any difference is real, none is noise.
            return new MeanDifference(delta, delta, delta, verdictOf(delta, delta));
        }
        // Welch-Satterthwaite degrees of freedom.
        double df = (va + vb) * (va + vb)
                / (va * va / (baseline.n() - 1) + vb * vb / (other.n() - 1));
        double half = SeedStatistics.tQuantile(df) * se;
        return new MeanDifference(delta, delta - half, delta + half, verdictOf(delta - half, delta + half));
    }

    private static Verdict verdictOf(double low, double high) {
        if (low > 0) {
            return Verdict.HIGHER;
        }
        if (high < 0) {
            return Verdict.LOWER;
        }
        return Verdict.WITHIN_NOISE;
    }
}
