package io.transferbench.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The multibox loss on one image of three anchors, against values worked by hand. */
class SsdLossTest {

    // Logits (background, object): anchor 0 even, anchor 1 sure background, anchor 2 sure object.
    private static final float[] LOGITS = {0, 0, 2, 0, 0, 2};
    // Anchor 0's codes miss by (0.5, -2, 0, 0): smooth-L1 0.125 + 1.5. The others are background,
    // so their (wild) codes do not count.
    private static final float[] CODES = {0.5f, -2, 0, 0, 3, 3, 3, 3, -3, -3, -3, -3};
    private static final double CE0 = Math.log(2);
    private static final double CE1 = Math.log(1 + Math.exp(-2));
    private static final double CE2 = Math.log(1 + Math.exp(2));

    private static float loss(SsdLoss loss, long[] classes) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDList predictions = new NDList(m.create(LOGITS, new Shape(1, 3, 2)), m.create(CODES, new Shape(1, 3, 4)));
            NDList labels = new NDList(m.create(classes, new Shape(1, 3)), m.zeros(new Shape(1, 3, 4)));
            NDArray value = loss.evaluate(labels, predictions);
            return value.getFloat();
        }
    }

    @Test
    void crossEntropyCountsThePositivesAndTheHardestNegatives() {
        // One positive, one negative per positive: anchor 2 (loss log(1 + e^2)) beats anchor 1.
        float v = loss(SsdLoss.mined(new HardNegativeMining(1, 0)), new long[] {1, 0, 0});
        assertEquals(CE0 + CE2 + 1.625, v, 1e-5);
        assertEquals(4.445075191602918, v, 1e-5);
        // 3:1 keeps both negatives.
        assertEquals(CE0 + CE1 + CE2 + 1.625, loss(SsdLoss.mined(HardNegativeMining.ssd()), new long[] {1, 0, 0}), 1e-5);
    }

    @Test
    void theSumIsDividedByTheNumberOfPositives() {
        // Anchors 0 and 2 objects: anchor 2's codes miss by 3 four times (2.5 each), its CE is log(1 + e^-2).
        float v = loss(SsdLoss.mined(HardNegativeMining.ssd()), new long[] {1, 0, 1});
        assertEquals((CE0 + CE1 + CE1 + 1.625 + 4 * 2.5) / 2, v, 1e-5);
    }

    @Test
    void focalLossWeighsEveryAnchorNotIgnoredByAlphaAndTheModulation() {
        double p1 = Math.exp(-CE1);
        double p2 = Math.exp(-CE2);
        double focal = 0.25 * 0.25 * CE0 + 0.75 * Math.pow(1 - p1, 2) * CE1 + 0.75 * Math.pow(1 - p2, 2) * CE2;
        float v = loss(SsdLoss.focal(2, 0.25), new long[] {1, 0, 0});
        assertEquals(focal + 1.625, v, 1e-5);
        assertEquals(2.9072330054774835, v, 1e-5);
        // An ignored anchor (-1) counts in neither term.
        float ignoring = loss(SsdLoss.focal(2, 0.25), new long[] {1, -1, 0});
        assertEquals(2.9058803333510532, ignoring, 1e-5);
    }
}
