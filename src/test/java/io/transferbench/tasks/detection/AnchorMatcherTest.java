package io.transferbench.tasks.detection;

import org.junit.jupiter.api.Test;

import static io.transferbench.tasks.detection.AnchorMatcher.BACKGROUND;
import static io.transferbench.tasks.detection.AnchorMatcher.IGNORED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Anchor-to-box matching: thresholds, and the two ways of forcing every box onto an anchor. */
class AnchorMatcherTest {

    // IoU with the box [0, 0, 10, 10]: 1, 1/2, 1/3, 0.
    private static final float[] ANCHORS = {0, 0, 10, 10, 0, 0, 10, 20, 0, 0, 10, 30, 20, 20, 30, 30};
    private static final float[] BOX = {0, 0, 10, 10};

    @Test
    void anIouOfOneHalfIsPositiveAndBelowTheNegativeThresholdIsBackground() {
        assertArrayEquals(new int[] {0, 0, BACKGROUND, BACKGROUND},
                new AnchorMatcher(0.5f, 0.4f, AnchorMatcher.Forcing.NONE).match(ANCHORS, BOX));
        // Between the thresholds: neither object nor background.
        assertArrayEquals(new int[] {0, 0, IGNORED, BACKGROUND},
                new AnchorMatcher(0.5f, 0.3f, AnchorMatcher.Forcing.NONE).match(ANCHORS, BOX));
    }

    @Test
    void withoutBoxesEveryAnchorIsBackground() {
        assertArrayEquals(new int[] {BACKGROUND, BACKGROUND, BACKGROUND, BACKGROUND},
                AnchorMatcher.ssd().match(ANCHORS, new float[0]));
    }

    @Test
    void anAnchorTakesTheBoxItOverlapsMostAndTheFirstOnATie() {
        float[] anchors = {0, 0, 10, 10};
        float[] boxes = {0, 0, 10, 10, 0, 0, 10, 10, 0, 0, 10, 5};
        assertArrayEquals(new int[] {0}, AnchorMatcher.ssd().match(anchors, boxes));
    }

    @Test
    void aBoxBelowTheThresholdIsForcedOntoItsFirstBestAnchor() {
        // The box [100, 100, 110, 140] overlaps two anchors at 1/4 each.
        float[] anchors = {100, 100, 110, 110, 100, 130, 110, 140};
        float[] box = {100, 100, 110, 140};
        assertArrayEquals(new int[] {BACKGROUND, BACKGROUND},
                new AnchorMatcher(0.5f, 0.5f, AnchorMatcher.Forcing.NONE).match(anchors, box));
        assertArrayEquals(new int[] {0, BACKGROUND}, AnchorMatcher.ssd().match(anchors, box));
        // torchvision's low-quality rule restores every anchor tied at the box's best IoU.
        assertArrayEquals(new int[] {0, 0},
                new AnchorMatcher(0.5f, 0.5f, AnchorMatcher.Forcing.LOW_QUALITY).match(anchors, box));
    }

    @Test
    void theTwoForcingRulesDifferWhenTheForcedAnchorPrefersAnotherBox() {
        // Box 0 is small inside box 1; the only anchor near either equals box 1. Box 0's best anchor
        // (IoU 0.16) is that anchor, whose own best box is box 1 (IoU 1).
        float[] anchors = {0, 0, 10, 10, 50, 50, 60, 60};
        float[] boxes = {0, 0, 4, 4, 0, 0, 10, 10};
        // TF: both boxes claim anchor 0; the first box keeps it.
        assertArrayEquals(new int[] {0, BACKGROUND}, AnchorMatcher.ssd().match(anchors, boxes));
        // torchvision: the anchor goes back to its own best box, box 1; box 0 gets no anchor.
        assertArrayEquals(new int[] {1, BACKGROUND},
                new AnchorMatcher(0.5f, 0.5f, AnchorMatcher.Forcing.LOW_QUALITY).match(anchors, boxes));
    }
}
