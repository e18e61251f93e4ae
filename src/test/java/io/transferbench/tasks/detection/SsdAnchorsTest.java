package io.transferbench.tasks.detection;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Default boxes laid out as TF's SsdAnchorGenerator, checked box by box on a tiny layout. */
class SsdAnchorsTest {

    private static float[] box(float[] all, int i) {
        return new float[] {all[4 * i], all[4 * i + 1], all[4 * i + 2], all[4 * i + 3]};
    }

    @Test
    void scalesRunLinearlyFromMinToMax() {
        assertArrayEquals(new double[] {0.2, 0.35, 0.5, 0.65, 0.8, 0.95}, SsdAnchors.linearScales(0.2, 0.95, 6), 1e-12);
    }

    @Test
    void eachCellGetsOneBoxPerRatioAndTheInterpolatedSquare() {
        SsdAnchors anchors = new SsdAnchors(new int[] {2, 1}, new double[] {0.2, 0.9}, new double[] {1, 2, 0.5}, false);
        assertEquals(4, anchors.boxesPerCell(0));
        assertEquals(2 * 2 * 4 + 4, anchors.count());
        float[] c = anchors.corners();
        // Map 0, cell (row 0, column 0), centre (0.25, 0.25): ratio 1 at scale 0.2.
        assertArrayEquals(new float[] {0.15f, 0.15f, 0.35f, 0.35f}, box(c, 0), 1e-6f);
        // The extra square, right after ratio 1 (the 2017 API's order, which face-api's anchor table has):
        // scale sqrt(0.2 x 0.9).
        float half = (float) (Math.sqrt(0.18) / 2);
        assertArrayEquals(new float[] {0.25f - half, 0.25f - half, 0.25f + half, 0.25f + half}, box(c, 1), 1e-6f);
        // Ratio 2: width 0.2 sqrt 2, height 0.2 / sqrt 2 (wider than tall).
        float hw = (float) (0.1 * Math.sqrt(2));
        float hh = (float) (0.1 / Math.sqrt(2));
        assertArrayEquals(new float[] {0.25f - hw, 0.25f - hh, 0.25f + hw, 0.25f + hh}, box(c, 2), 1e-6f);
        // The next cell is the next column of the same row (row-major).
        assertArrayEquals(new float[] {0.65f, 0.15f, 0.85f, 0.35f}, box(c, 4), 1e-6f);
        // The last map's square: sqrt(0.9 x 1), the scale after the last being 1.
        float last = (float) (Math.sqrt(0.9) / 2);
        assertArrayEquals(new float[] {0.5f - last, 0.5f - last, 0.5f + last, 0.5f + last}, box(c, 17), 1e-6f);
    }

    @Test
    void theLowestLayerCanHaveThreeBoxes() {
        SsdAnchors anchors = new SsdAnchors(new int[] {1, 1}, new double[] {0.2, 0.5}, new double[] {1, 2}, true);
        assertEquals(3, anchors.boxesPerCell(0));
        float[] c = anchors.corners();
        // (0.1, 1), (0.2, 2), (0.2, 0.5): the first a small square, not the map's scale.
        assertArrayEquals(new float[] {0.45f, 0.45f, 0.55f, 0.55f}, box(c, 0), 1e-6f);
        float hw = (float) (0.1 / Math.sqrt(2));
        float hh = (float) (0.1 * Math.sqrt(2));
        assertArrayEquals(new float[] {0.5f - hw, 0.5f - hh, 0.5f + hw, 0.5f + hh}, box(c, 2), 1e-6f);
    }

    @Test
    void theFaceDetectorsLayoutHas5118Anchors() {
        // The face-api SSD MobileNetV1 (issue 16): maps 32..1 at 512 px, 3 boxes on the first, 6 on the rest.
        SsdAnchors anchors = new SsdAnchors(new int[] {32, 16, 8, 4, 2, 1}, SsdAnchors.linearScales(0.2, 0.95, 6),
                new double[] {1, 2, 0.5, 3, 1.0 / 3}, true);
        assertEquals(6, anchors.boxesPerCell(1));
        assertEquals(5118, anchors.count());
    }
}
