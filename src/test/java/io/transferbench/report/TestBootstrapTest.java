package io.transferbench.report;

import io.transferbench.tasks.ExampleOutcomes;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The paired bootstrap over test examples against cases with known answers. */
class TestBootstrapTest {

    private static final int N = 400;

    /** Truth cycles through 4 classes; the prediction is right where {@code right} says. */
    private static ExampleOutcomes outcomes(java.util.function.IntPredicate right) {
        int[] truth = new int[N];
        int[] predicted = new int[N];
        for (int i = 0; i < N; i++) {
            truth[i] = i % 4;
            predicted[i] = right.test(i) ? truth[i] : (truth[i] + 1) % 4;
        }
        return new ExampleOutcomes(truth, predicted);
    }

    @Test
    void aDifferenceEveryResampleSharesHasNoWidth() {
        TestBootstrap.Interval i = TestBootstrap.difference(List.of(outcomes(x -> false)), List.of(outcomes(x -> true)),
                "accuracy");
        assertEquals(1.0, i.low(), 1e-12);
        assertEquals(1.0, i.high(), 1e-12);
        assertEquals(N, i.examples());
    }

    @Test
    void halfRightAgainstAllWrongSpreadsLikeABinomialProportion() {
        // The difference is the resampled accuracy of a 50% classifier on 400 examples:
        // 0.5 +- 1.96 * sqrt(0.25 / 400) = [0.451, 0.549] by the normal approximation.
        TestBootstrap.Interval i = TestBootstrap.difference(List.of(outcomes(x -> false)),
                List.of(outcomes(x -> (x / 4) % 2 == 0)), "accuracy");
        assertEquals(0.451, i.low(), 0.006);
        assertEquals(0.549, i.high(), 0.006);
    }

    @Test
    void seedsAreAveragedAndMacroF1IsRecomputed() {
        ExampleOutcomes allRight = outcomes(x -> true);
        ExampleOutcomes allWrong = outcomes(x -> false);
        TestBootstrap.Interval i = TestBootstrap.difference(List.of(allWrong, allWrong), List.of(allRight, allWrong),
                "macro_f1");
        assertEquals(0.5, i.low(), 1e-12, "one seed of two is perfect: half the macro-F1, whatever the draw");
        assertEquals(0.5, i.high(), 1e-12);
    }

    @Test
    void otherMetricsOrOtherTestSetsGetNone() {
        assertNull(TestBootstrap.difference(List.of(outcomes(x -> true)), List.of(outcomes(x -> true)), "miou"));
        ExampleOutcomes shorter = new ExampleOutcomes(new int[] {0, 1}, new int[] {0, 1});
        assertNull(TestBootstrap.difference(List.of(outcomes(x -> true)), List.of(shorter), "accuracy"));
        assertNull(TestBootstrap.difference(List.of(), List.of(outcomes(x -> true)), "accuracy"));
    }
}
