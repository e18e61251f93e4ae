package io.transferbench.metrics;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * COCO box mAP against cases worked by hand and against published pycocotools numbers. The hand
 * cases' expected stats were also confirmed by running pycocotools 2.0.11 on the same inputs
 * (which prints 0.9999999999999998 where these say 1).
 */
class CocoBoxEvaluationTest {

    private static final double EPS = 1e-12;

    private static CocoTruth truth(int category, double x, double y, double w, double h) {
        return new CocoTruth(category, x, y, w, h, w * h, false);
    }

    private static CocoTruth crowd(int category, double x, double y, double w, double h) {
        return new CocoTruth(category, x, y, w, h, w * h, true);
    }

    private static CocoDetection det(int category, double x, double y, double w, double h, double score) {
        return new CocoDetection(category, x, y, w, h, score);
    }

    private static CocoSummary oneImage(List<CocoTruth> truths, List<CocoDetection> dets) {
        CocoBoxEvaluation e = new CocoBoxEvaluation();
        e.addImage(truths, dets);
        return e.summarize();
    }

    @Test
    void thresholdsAndRecallPointsAreNumpysLinspaces() {
        assertEquals(10, CocoBoxEvaluation.IOU_THRESHOLDS.length);
        assertEquals(0.5, CocoBoxEvaluation.IOU_THRESHOLDS[0]);
        assertEquals(0.75, CocoBoxEvaluation.IOU_THRESHOLDS[5], "pycocotools finds .75 by equality");
        assertEquals(0.95, CocoBoxEvaluation.IOU_THRESHOLDS[9]);
        assertEquals(101, CocoBoxEvaluation.RECALL_POINTS.length);
        // NumPy's linspace gives 0.07000000000000001 here, not 0.07: i * step, not a decimal.
        assertEquals(0.07000000000000001, CocoBoxEvaluation.RECALL_POINTS[7]);
    }

    @Test
    void onePerfectDetectionScoresOneAndEmptyAreaRangesMinusOne() {
        CocoSummary s = oneImage(List.of(truth(1, 0, 0, 100, 100)), List.of(det(1, 0, 0, 100, 100, 0.9)));
        assertArrayEquals(new double[] {1, 1, 1, -1, -1, 1, 1, 1, 1, -1, -1, 1}, s.stats(), EPS);
        assertEquals(java.util.Set.of(1), s.perCategoryAp().keySet());
        assertEquals(1.0, s.perCategoryAp().get(1), EPS);
    }

    @Test
    void aDuplicateDetectionIsAFalsePositive() {
        CocoBoxEvaluation e = new CocoBoxEvaluation();
        e.addImage(List.of(truth(1, 0, 0, 100, 100)), List.of(det(1, 0, 0, 100, 100, 0.9), det(1, 0, 0, 100, 100, 0.8)));
        e.addImage(List.of(truth(1, 0, 0, 100, 100)), List.of(det(1, 0, 0, 100, 100, 0.7)));
        // Ranked: 0.9 TP (recall .5, precision 1), 0.8 the duplicate, FP (.5, .5), 0.7 TP (1, 2/3).
        // Monotone envelope 1, 2/3, 2/3: the 51 recall points up to .50 read 1, the other 50 read 2/3.
        double ap = (51 + 50 * 2.0 / 3) / 101;
        CocoSummary s = e.summarize();
        assertEquals(0.8349834983498348, ap, EPS, "pycocotools' value");
        assertArrayEquals(new double[] {ap, ap, ap, -1, -1, ap, 1, 1, 1, -1, -1, 1}, s.stats(), EPS);
    }

    @Test
    void aCrowdRegionAbsorbsEveryDetectionInsideItWithoutCountingAsAnObject() {
        List<CocoDetection> dets = List.of(det(1, 10, 10, 20, 20, 0.9), det(1, 50, 50, 40, 40, 0.8),
                det(1, 100, 100, 30, 30, 0.7), det(1, 300, 300, 50, 50, 0.6));
        // Three detections inside the crowd (IoU against a crowd = intersection / detection area = 1)
        // are ignored, not false positives; the one object that counts (50 x 50: medium) is found.
        CocoSummary withCrowd = oneImage(List.of(crowd(1, 0, 0, 200, 200), truth(1, 300, 300, 50, 50)), dets);
        // mar_1 is 0: the single best detection per image is one the crowd absorbed.
        assertArrayEquals(new double[] {1, 1, 1, -1, 1, -1, 0, 1, 1, -1, 1, -1}, withCrowd.stats(), EPS);
        // The same region as an ordinary object: its best match takes one detection, the other two
        // inside are false positives ranked above the true one.
        CocoSummary plain = oneImage(List.of(truth(1, 0, 0, 200, 200), truth(1, 300, 300, 50, 50)), dets);
        assertEquals(0.12623762376237624, plain.map(), EPS, "pycocotools' value");
        assertEquals(0.5, plain.mar100(), EPS);
    }

    @Test
    void aCategoryOnlyInTheDetectionsIsLeftOutButOneNeverDetectedCountsAsZero() {
        CocoSummary extra = oneImage(List.of(truth(1, 0, 0, 100, 100)),
                List.of(det(1, 0, 0, 100, 100, 0.9), det(2, 0, 0, 50, 50, 0.95)));
        assertEquals(1.0, extra.map(), EPS);
        assertEquals(java.util.Set.of(1), extra.perCategoryAp().keySet(), "category 2 has no ground truth: no AP at all");

        CocoSummary missed = oneImage(List.of(truth(1, 0, 0, 100, 100), truth(3, 0, 0, 100, 100)),
                List.of(det(1, 0, 0, 100, 100, 0.9)));
        assertEquals(0.5, missed.map(), EPS);
        assertEquals(0.5, missed.mar100(), EPS);
        assertEquals(0.0, missed.perCategoryAp().get(3));
    }

    @Test
    void anIouOfExactlyOneHalfMatchesAtTheFirstThresholdOnly() {
        // 10 x 10 object, 10 x 20 detection over it: IoU 100 / 200.
        CocoSummary s = oneImage(List.of(truth(1, 0, 0, 10, 10)), List.of(det(1, 0, 0, 10, 20, 0.9)));
        assertEquals(0.1, s.map(), EPS);
        assertEquals(1.0, s.map50(), EPS);
        assertEquals(0.0, s.map75(), EPS);
        assertEquals(0.1, s.mapSmall(), EPS);
    }

    @Test
    void anAreaOfExactly32SquaredIsBothSmallAndMedium() {
        CocoSummary s = oneImage(List.of(truth(1, 0, 0, 32, 32)), List.of(det(1, 0, 0, 32, 32, 0.9)));
        assertEquals(1.0, s.mapSmall(), EPS);
        assertEquals(1.0, s.mapMedium(), EPS);
        assertEquals(-1.0, s.mapLarge());
    }

    @Test
    void theAreaRangeFollowsTheGivenAreaNotTheBox() {
        // A 100 x 100 box whose annotation says 500 (a thin segment): a small object.
        CocoSummary s = oneImage(List.of(new CocoTruth(1, 0, 0, 100, 100, 500, false)),
                List.of(det(1, 0, 0, 100, 100, 0.9)));
        assertEquals(1.0, s.mapSmall(), EPS);
        assertEquals(-1.0, s.mapLarge());
    }

    @Test
    void maxDetsOneKeepsOnlyTheBestDetectionOfEachImage() {
        CocoSummary s = oneImage(List.of(truth(1, 0, 0, 100, 100), truth(1, 200, 0, 100, 100)),
                List.of(det(1, 0, 0, 100, 100, 0.9), det(1, 200, 0, 100, 100, 0.8)));
        assertEquals(0.5, s.mar1(), EPS);
        assertEquals(1.0, s.mar10(), EPS);
        assertEquals(1.0, s.map(), EPS);
    }

    @Test
    void aDetectionPrefersAnObjectThatCountsOverACrowdItOverlapsBetter() {
        // The detection overlaps the crowd fully (IoU 1) and the object at 0.64; it still takes the
        // object, and the crowd is left to absorb nothing.
        CocoSummary s = oneImage(List.of(crowd(1, 0, 0, 100, 100), truth(1, 0, 0, 80, 100)),
                List.of(det(1, 0, 0, 100, 80, 0.9)));
        // IoU with the object: 80 x 80 / (8000 + 8000 - 6400) = 2/3: a match at .50 .. .65 (4 of 10).
        assertEquals(0.4, s.map(), EPS);
    }

    @Test
    void cornersConvertToCocoBoxes() {
        CocoTruth t = CocoTruth.ofCorners(2, new double[] {10, 20, 40, 60});
        assertEquals(new CocoTruth(2, 10, 20, 30, 40, 1200, false), t);
        CocoDetection d = CocoDetection.ofCorners(2, new double[] {10, 20, 40, 60}, 0.5);
        assertEquals(new CocoDetection(2, 10, 20, 30, 40, 0.5), d);
    }

    /**
     * The COCO test of rafaelpadilla/review_object_detection_metrics (Padilla et al., "A
     * comparative analysis of object detection metrics with a companion open-source toolkit",
     * Electronics 2021), tests/test_eval_coco.py at commit
     * 2efe66d2c4b89e4fcc64e490d4caced2096f03aa: 100 COCO val2014 images, 830 objects (areas as box
     * areas), 734 detections (tests/test_coco_eval/), and the twelve numbers "obtained with coco's
     * official implementation", asserted there to 1e-6. Rerunning pycocotools 2.0.11 on those
     * files gives the same twelve; the per-category AP below comes from that rerun.
     */
    @Test
    void matchesPycocotoolsOnPadillasSampledCocoSet() throws IOException {
        Map<Integer, List<CocoTruth>> truths = new TreeMap<>();
        Map<Integer, List<CocoDetection>> dets = new TreeMap<>();
        for (double[] r : rows("padilla-coco-truths.csv")) {
            truths.computeIfAbsent((int) r[0], k -> new ArrayList<>())
                    .add(new CocoTruth((int) r[1], r[2], r[3], r[4], r[5], r[6], r[7] != 0));
        }
        for (double[] r : rows("padilla-coco-detections.csv")) {
            dets.computeIfAbsent((int) r[0], k -> new ArrayList<>())
                    .add(new CocoDetection((int) r[1], r[2], r[3], r[4], r[5], r[6]));
        }
        assertEquals(830, truths.values().stream().mapToInt(List::size).sum());
        assertEquals(734, dets.values().stream().mapToInt(List::size).sum());
        // pycocotools goes through the images in ascending id order; so does this.
        java.util.TreeSet<Integer> ids = new java.util.TreeSet<>(truths.keySet());
        ids.addAll(dets.keySet());
        CocoBoxEvaluation e = new CocoBoxEvaluation();
        for (int id : ids) {
            e.addImage(truths.getOrDefault(id, List.of()), dets.getOrDefault(id, List.of()));
        }
        CocoSummary s = e.summarize();
        double[] published = {0.503647, 0.696973, 0.571667, 0.593252, 0.557991, 0.489363, 0.386813, 0.593680,
                0.595353, 0.654764, 0.603130, 0.553744};
        // The published values are rounded to 6 places.
        assertArrayEquals(published, s.stats(), 5e-7);
        assertEquals(70, s.perCategoryAp().size(), "70 of the 80 categories have ground truth");
        assertEquals(0.5243483099319223, s.perCategoryAp().get(1), 1e-12);
        assertEquals(0.4400990099009901, s.perCategoryAp().get(2), 1e-12);
        assertEquals(0.6340824851715942, s.perCategoryAp().get(10), 1e-12);
        double meanOfClasses = s.perCategoryAp().values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertEquals(s.map(), meanOfClasses, 1e-12, "map is the mean of per-category AP");
    }

    private static List<double[]> rows(String name) throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                CocoBoxEvaluationTest.class.getResourceAsStream(name), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                double[] r = new double[f.length];
                for (int i = 0; i < f.length; i++) {
                    r[i] = Double.parseDouble(f[i]);
                }
                rows.add(r);
            }
        }
        assertTrue(!rows.isEmpty(), name);
        return rows;
    }
}
