package io.transferbench.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void iouMatchesScikitLearnsPublishedJaccardExample() {
        // scikit-learn's jaccard_score docstring (a doctest its CI runs), multiclass case:
        // y_true = [0, 1, 2, 2], y_pred = [0, 2, 1, 2] -> per class [1, 0, 0.33...], macro 0.44...
        ConfusionMatrix m = new ConfusionMatrix(3);
        m.addAll(new int[] {0, 1, 2, 2}, new int[] {0, 2, 1, 2}, 255);
        assertEquals(1.0, m.iou(0), 1e-12);
        assertEquals(0.0, m.iou(1), 1e-12);
        assertEquals(1.0 / 3, m.iou(2), 1e-12);
        assertEquals(4.0 / 9, m.meanIou(), 1e-12);
    }

    @Test
    void iouIsSummedOverTheSplitIgnoresVoidPixelsAndSkipsAbsentClasses() {
        ConfusionMatrix m = new ConfusionMatrix(4);
        // Image 1: labels 0 0 1 1, predicted 0 1 1 1 -> class 0: I 1, U 2; class 1: I 2, U 3.
        m.addAll(new int[] {0, 0, 1, 1}, new int[] {0, 1, 1, 1}, 255);
        // Image 2: labels 1 255 255 0, predicted 2 3 3 0: the two void pixels count nowhere;
        // class 1: I 0, U 1 more; class 2 only predicted: I 0, U 1; class 0: I 1, U 1 more.
        m.addAll(new int[] {1, 255, 255, 0}, new int[] {2, 3, 3, 0}, 255);
        // Summed: class 0: 2/3; class 1: 2/4; class 2: 0/1; class 3 neither present nor predicted.
        assertEquals(2.0 / 3, m.iou(0), 1e-12);
        assertEquals(2.0 / 4, m.iou(1), 1e-12);
        assertEquals(0.0, m.iou(2), 1e-12);
        assertTrue(Double.isNaN(m.iou(3)));
        assertEquals((2.0 / 3 + 0.5 + 0) / 3, m.meanIou(), 1e-12);
        // The mean of per-image mIoU differs: image 1 (1/2 + 2/3) / 2, image 2 (1 + 0 + 0) / 3.
        double perImage = ((0.5 + 2.0 / 3) / 2 + 1.0 / 3) / 2;
        assertTrue(Math.abs(perImage - m.meanIou()) > 0.05, "dataset-level sums, not a mean of images");
        assertEquals(4.0 / 6, m.accuracy(), 1e-12, "pixel accuracy over the 6 pixels not ignored");
    }

    /**
     * The docstring example (run as a doctest) of Hugging Face evaluate's {@code mean_iou}, a port of
     * MMSegmentation's {@code mean_iou}: huggingface/evaluate, metrics/mean_iou/mean_iou.py, commit
     * 210d21415aec94f41038eaee1d25eb829d5025ee; {@code num_labels=10, ignore_index=255}. Image 3
     * predicts 255 at a pixel labelled 255, which the ignore drops.
     */
    @Test
    void iouMatchesHuggingFaceEvaluatesPublishedMeanIouExample() {
        ConfusionMatrix m = new ConfusionMatrix(10);
        m.addAll(new int[] {0, 3, 5, 4, 6, 255}, new int[] {1, 2, 3, 4, 5, 255}, 255);
        m.addAll(new int[] {1, 7, 9, 2, 3, 6}, new int[] {2, 7, 9, 2, 3, 6}, 255);
        m.addAll(new int[] {1, 2, 2, 8, 2, 1, 3, 255, 1}, new int[] {2, 2, 3, 8, 2, 4, 3, 255, 2}, 255);
        assertEquals(0.47750000000000004, m.meanIou(), 1e-12);
        assertEquals(0.5263157894736842, m.accuracy(), 1e-12, "overall accuracy (aAcc)");
        double[] published = {0., 0., 0.375, 0.4, 0.5, 0., 0.5, 1., 1., 1.};
        for (int c = 0; c < published.length; c++) {
            assertEquals(published[c], m.iou(c), 1e-12, "class " + c);
        }
    }

    /**
     * TensorFlow's {@code metrics.mean_iou} test with a class in neither labels nor predictions (TF
     * averages over the classes with a non-zero denominator, as nanmean does):
     * tensorflow/python/kernel_tests/metrics_test.py as extracted in sola-st/Treefix,
     * popular_projects_snippets_dataset/tensorflow/bodies/body_33845.py, commit
     * b70889b7eeaa8df35d2c7b08b5391c041afb2f63; confusion matrix [[9, 5, 0], [3, 7, 0], [0, 0, 0]].
     */
    @Test
    void iouMatchesTensorFlowsMeanIouTestWithAMissingClass() {
        ConfusionMatrix m = new ConfusionMatrix(3);
        m.addAll(new int[] {0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 1}, new int[] {0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1}, 255);
        m.addAll(new int[] {1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0}, new int[] {0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0}, 255);
        assertTrue(Double.isNaN(m.iou(2)));
        assertEquals(0.5 * (9.0 / (9 + 3 + 5) + 7.0 / (7 + 5 + 3)), m.meanIou(), 1e-12);
    }
}
