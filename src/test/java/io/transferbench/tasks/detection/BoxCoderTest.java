package io.transferbench.tasks.detection;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Centre-size box codes with SSD's 10/10/5/5 scale factors, and their inverse. */
class BoxCoderTest {

    private static final float[] ANCHOR = {0, 0, 10, 10};

    @Test
    void codesAreScaledCentreOffsetsAndLogSizeRatios() {
        // Box centre (7, 14), size 10 x 20, against the anchor's centre (5, 5), size 10 x 10:
        // tx = 2/10 x 10, ty = 9/10 x 10, tw = log 1 x 5, th = log 2 x 5.
        float[] codes = new float[4];
        BoxCoder.ssd().encode(ANCHOR, 0, new float[] {2, 4, 12, 24}, 0, codes);
        assertArrayEquals(new float[] {2f, 9f, 0f, (float) (5 * Math.log(2))}, codes, 1e-5f);
    }

    @Test
    void decodingInvertsEncoding() {
        float[] anchors = {0, 0, 10, 10, 0.2f, 0.3f, 0.5f, 0.4f};
        float[] boxes = {2, 4, 12, 24, 0.25f, 0.2f, 0.45f, 0.5f};
        float[] codes = new float[8];
        BoxCoder coder = BoxCoder.ssd();
        coder.encode(anchors, 0, boxes, 0, codes);
        coder.encode(anchors, 1, boxes, 1, codes);
        assertArrayEquals(boxes, coder.decode(anchors, codes), 1e-5f);
    }

    @Test
    void hugeSizeCodesAreCappedSoUntrainedPredictionsStayFinite() {
        float[] box = BoxCoder.ssd().decode(ANCHOR, new float[] {0, 0, 1000, 0});
        // exp(log(1000 / 16)) x 10 = 625 wide around the anchor's centre.
        assertEquals(625, box[2] - box[0], 1e-2);
        assertEquals(10, box[3] - box[1], 1e-4);
    }

    @Test
    void targetsCarryTheMatchedCategoryPlusOneAndZeroCodesElsewhere() {
        float[] anchors = {0, 0, 10, 10, 50, 50, 60, 60, 0, 0, 10, 16};
        // IoU with [0, 0, 10, 10]: 1, 0, 10/16 (between 0.3 and 0.7: ignored).
        SsdTargets t = SsdTargets.assign(anchors, new float[] {0, 0, 10, 10}, new int[] {2},
                new AnchorMatcher(0.7f, 0.3f, AnchorMatcher.Forcing.BEST_ANCHOR_PER_BOX), BoxCoder.ssd());
        assertArrayEquals(new int[] {3, SsdTargets.BACKGROUND, SsdTargets.IGNORED}, t.classes());
        assertArrayEquals(new float[12], t.codes(), 1e-5f);
        assertEquals(1, t.positives());
    }
}
