package io.transferbench.report;

import io.transferbench.metrics.ConfusionMatrix;
import io.transferbench.tasks.ExampleOutcomes;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * How much a difference between two configurations owes to which examples happen to be in a
 * small test set: a paired percentile bootstrap over test examples. Each resample draws the test
 * examples with replacement, scores every seed of both configurations on the same draw, and
 * takes the difference of the means over seeds; the interval holds the middle 95% of the
 * differences. Seeds' spread is the Welch interval's business; this one adds the test set's.
 * Deterministic: the resamples come from a fixed seed.
 */
final class TestBootstrap {

    static final int RESAMPLES = 2000;
    /** Test sets up to this size get an interval; larger ones pin a metric down on their own. */
    static final int SMALL = 5000;

    private TestBootstrap() {}

    record Interval(double low, double high, int examples) {}

    /**
     * @return null when the metric is not one this can recompute (accuracy, macro_f1), when either
     *     side lacks outcomes, or when the cells were scored on different test sets
     */
    static Interval difference(List<ExampleOutcomes> baseline, List<ExampleOutcomes> other, String metric) {
        if (baseline.isEmpty() || other.isEmpty() || !(metric.equals("accuracy") || metric.equals("macro_f1"))) {
            return null;
        }
        int[] truth = baseline.get(0).truth();
        boolean sameTestSet = baseline.stream().allMatch(o -> Arrays.equals(o.truth(), truth))
                && other.stream().allMatch(o -> Arrays.equals(o.truth(), truth));
        if (!sameTestSet || truth.length == 0 || truth.length > SMALL) {
            return null;
        }
        int classes = 1 + Math.max(max(baseline), max(other));
        Random random = new Random(20_261_207L);
        double[] differences = new double[RESAMPLES];
        int[] draw = new int[truth.length];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < draw.length; i++) {
                draw[i] = random.nextInt(truth.length);
            }
            differences[r] = mean(other, draw, metric, classes) - mean(baseline, draw, metric, classes);
        }
        Arrays.sort(differences);
        return new Interval(differences[(int) Math.floor(0.025 * (RESAMPLES - 1))],
                differences[(int) Math.ceil(0.975 * (RESAMPLES - 1))], truth.length);
    }

    /** The metric on the drawn examples, averaged over the configuration's seeds. */
    static double mean(List<ExampleOutcomes> seeds, int[] draw, String metric, int classes) {
        double sum = 0;
        for (ExampleOutcomes o : seeds) {
            ConfusionMatrix confusion = new ConfusionMatrix(classes);
            for (int i : draw) {
                confusion.add(o.truth()[i], o.predicted()[i]);
            }
            sum += metric.equals("accuracy") ? confusion.accuracy() : confusion.macroF1();
        }
        return sum / seeds.size();
    }

    private static int max(List<ExampleOutcomes> outcomes) {
        int max = 0;
        for (ExampleOutcomes o : outcomes) {
            for (int i = 0; i < o.size(); i++) {
                max = Math.max(max, Math.max(o.truth()[i], o.predicted()[i]));
            }
        }
        return max;
    }
}
