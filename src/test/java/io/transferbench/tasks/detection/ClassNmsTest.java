package io.transferbench.tasks.detection;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Per-class NMS with its thresholds and caps on a hand-made set of four boxes. */
class ClassNmsTest {

    // Box 1 is box 0 moved by 1 (IoU 90/110); box 2 apart; box 3 a copy of box 0.
    private static final float[] BOXES = {0, 0, 10, 10, 1, 0, 11, 10, 20, 20, 30, 30, 0, 0, 10, 10};
    private static final float[][] SCORES = {{0.9f, 0.1f}, {0.8f, 0.7f}, {0.3f, 0.005f}, {0.2f, 0.6f}};

    private static DetectedBox det(int anchor, int category) {
        return new DetectedBox(BOXES[4 * anchor], BOXES[4 * anchor + 1], BOXES[4 * anchor + 2], BOXES[4 * anchor + 3],
                category, SCORES[anchor][category]);
    }

    @Test
    void overlappingBoxesOfOneClassAreSuppressedButOtherClassesAreNot() {
        // Class 0 keeps 0 (0.9) and the distant 2 (0.3); class 1 keeps 1 (0.7), which suppresses 3 and 0,
        // though 0 won class 0; 2's class-1 score is under the threshold.
        List<DetectedBox> kept = new ClassNms(0.45f, 0.01f, 400, 100, 100).apply(BOXES, SCORES);
        assertEquals(List.of(det(0, 0), det(1, 1), det(2, 0)), kept);
    }

    @Test
    void theCapsApplyPerClassBeforeAndAfterSuppressionAndOverall() {
        assertEquals(List.of(det(0, 0), det(1, 1)), new ClassNms(0.45f, 0.01f, 400, 100, 2).apply(BOXES, SCORES));
        assertEquals(List.of(det(0, 0), det(1, 1)), new ClassNms(0.45f, 0.01f, 400, 1, 100).apply(BOXES, SCORES));
        // One candidate per class: class 0's best (0), class 1's best (1).
        assertEquals(List.of(det(0, 0), det(1, 1)), new ClassNms(0.45f, 0.01f, 1, 100, 100).apply(BOXES, SCORES));
    }

    @Test
    void anIouEqualToTheThresholdDoesNotSuppress() {
        float[] boxes = {0, 0, 10, 10, 0, 0, 10, 20};
        float[][] scores = {{0.9f}, {0.8f}};
        assertEquals(2, new ClassNms(0.5f, 0.01f, 400, 100, 100).apply(boxes, scores).size());
        assertEquals(1, new ClassNms(0.49f, 0.01f, 400, 100, 100).apply(boxes, scores).size());
    }
}
