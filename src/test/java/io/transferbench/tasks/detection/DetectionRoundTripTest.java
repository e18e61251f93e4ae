package io.transferbench.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.transferbench.tasks.Evaluation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The task's pieces agree with each other: predictions made from the loss's own targets (the
 * matched class certain, the box codes exact) are what the evaluator decodes back into the true
 * boxes, for an mAP of 1 and a loss near 0; shuffled codes score far worse.
 */
class DetectionRoundTripTest {

    private static final List<String> CLASSES = List.of("background", "cat", "dog");
    /** Two images of 128 px: a cat and a dog, then one small dog. */
    private static final float[] LABELS = {
        10, 12, 60, 70, 1,   70, 30, 120, 100, 2,
        40, 40, 72, 64, 2,   0, 0, 0, 0, -1,
    };

    @Test
    void predictionsMadeOfTheTargetsDecodeToTheTrueBoxes() {
        SsdLayout layout = SsdLayout.of(128, new int[] {16, 32}, new long[] {96, 1280}, new long[] {512, 256}, 0.2,
                0.95, true);
        assertEquals(318, layout.anchors().count(), "8x8x3 + (4x4 + 2x2 + 1x1) x 6");
        float[] anchors = layout.anchorCorners();
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray labels = manager.create(LABELS, new Shape(2, 2, 5));
            List<ImageBoxes> truths = ImageBoxes.of(labels);
            int a = anchors.length / 4;
            float[] logits = new float[2 * a * CLASSES.size()];
            float[] codes = new float[2 * a * 4];
            for (int n = 0; n < 2; n++) {
                ImageBoxes t = truths.get(n);
                int[] categories = java.util.Arrays.stream(t.classes()).map(c -> c - 1).toArray();
                SsdTargets targets = SsdTargets.assign(anchors, t.corners(), categories, AnchorMatcher.ssd(),
                        BoxCoder.ssd());
                for (int i = 0; i < a; i++) {
                    int cls = Math.max(0, targets.classes()[i]);
                    logits[(n * a + i) * CLASSES.size() + cls] = 20;
                }
                System.arraycopy(targets.codes(), 0, codes, n * 4 * a, 4 * a);
            }
            NDList predictions = new NDList(manager.create(logits, new Shape(2, a, CLASSES.size())),
                    manager.create(codes, new Shape(2, a, 4)), manager.create(anchors, new Shape(a, 4)));
            DetectionTask task = new DetectionTask();
            DetectionEvaluator evaluator = (DetectionEvaluator) task.newEvaluator(new io.transferbench.data.Targets(
                    CLASSES, new long[] {2, 5}, new long[] {3, 128, 128}));
            evaluator.add(predictions, new NDList(labels));
            Evaluation exact = evaluator.result();
            assertEquals(1.0, exact.metrics().get(DetectionTask.MAP), 1e-9, exact.toString());
            assertEquals(1.0, exact.metrics().get(DetectionTask.MAR_100), 1e-9);
            assertEquals(List.of("cat", "dog"), List.copyOf(exact.perClass().keySet()));
            float loss = task.loss(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode())
                    .evaluate(new NDList(labels), predictions).getFloat();
            assertTrue(loss < 1e-3, "loss of exact predictions " + loss);

            NDArray shifted = predictions.get(1).add(1.5f);
            NDList off = new NDList(predictions.get(0), shifted, predictions.get(2));
            DetectionEvaluator second = (DetectionEvaluator) task.newEvaluator(new io.transferbench.data.Targets(
                    CLASSES, new long[] {2, 5}, new long[] {3, 128, 128}));
            second.add(off, new NDList(labels));
            assertTrue(second.result().metrics().get(DetectionTask.MAP) < 0.5, second.result().toString());
        }
    }
}
