package io.transferbench.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Accuracy, per-class F1 and macro-F1 on confusion matrices worked by hand. */
class ConfusionMatrixTest {

    private static ConfusionMatrix of(int classes, int[][] actualPredicted) {
        ConfusionMatrix m = new ConfusionMatrix(classes);
        for (int[] pair : actualPredicted) {
            m.add(pair[0], pair[1]);
        }
        return m;
    }

    @Test
    void scoresOfAThreeClassMatrix() {
        // actual 0: predicted 0, 0, 1; actual 1: 1, 1; actual 2: 2, 0
        ConfusionMatrix m = of(3, new int[][] {{0, 0}, {0, 0}, {0, 1}, {1, 1}, {1, 1}, {2, 2}, {2, 0}});
        assertEquals(7, m.total());
        assertEquals(5.0 / 7, m.accuracy(), 1e-12);
        // class 0: tp 2, fp 1, fn 1 -> 4/6; class 1: tp 2, fp 1, fn 0 -> 4/5; class 2: tp 1, fp 0, fn 1 -> 2/3
        assertEquals(4.0 / 6, m.f1(0), 1e-12);
        assertEquals(4.0 / 5, m.f1(1), 1e-12);
        assertEquals(2.0 / 3, m.f1(2), 1e-12);
        assertEquals((4.0 / 6 + 4.0 / 5 + 2.0 / 3) / 3, m.macroF1(), 1e-12);
    }

    @Test
    void macroF1AveragesOverTheClassesPresentInTheLabelsOnly() {
        // class 2 never occurs; it is predicted once (a false positive that lowers class 1's recall only)
        ConfusionMatrix m = of(3, new int[][] {{0, 0}, {1, 1}, {1, 2}});
        assertEquals(0.0, m.f1(2));
        // class 0: 1.0; class 1: tp 1, fn 1 -> 2/3; the mean over classes 0 and 1
        assertEquals((1.0 + 2.0 / 3) / 2, m.macroF1(), 1e-12);
    }

    @Test
    void anEmptyMatrixScoresZero() {
        ConfusionMatrix m = new ConfusionMatrix(2);
        assertEquals(0.0, m.accuracy());
        assertEquals(0.0, m.macroF1());
    }
}
