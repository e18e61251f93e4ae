package io.transferbench.tasks.detection;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Which background anchors the classification loss keeps. */
class HardNegativeMiningTest {

    // Anchor 0 is an object, anchor 5 ignored, the rest background.
    private static final int[] CLASSES = {1, 0, 0, 0, 0, -1, 0};
    private static final float[] LOSS = {0.1f, 0.5f, 0.9f, 0.2f, 0.9f, 5f, 0.3f};

    @Test
    void threeNegativesPerPositiveWithTheHighestLossesAndNeverAnIgnoredAnchor() {
        boolean[] keep = HardNegativeMining.ssd().select(LOSS, CLASSES);
        assertArrayEquals(new boolean[] {true, true, true, false, true, false, false}, keep);
    }

    @Test
    void equalLossesGoToTheLowerAnchor() {
        boolean[] keep = new HardNegativeMining(1, 0).select(LOSS, CLASSES);
        assertArrayEquals(new boolean[] {true, false, true, false, false, false, false}, keep);
    }

    @Test
    void anImageWithoutObjectsKeepsOnlyTheMinimum() {
        int[] background = {0, 0, 0, 0, 0, 0, 0};
        assertArrayEquals(new boolean[7], HardNegativeMining.ssd().select(LOSS, background));
        assertArrayEquals(new boolean[] {false, false, false, false, false, true, false},
                new HardNegativeMining(3, 1).select(LOSS, background));
    }
}
