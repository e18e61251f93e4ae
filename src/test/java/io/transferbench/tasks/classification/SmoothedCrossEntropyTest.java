package io.transferbench.tasks.classification;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Label-smoothed cross-entropy on two rows whose softmax is exact: logits (0, ln 3, 0) give
 * probabilities (0.2, 0.6, 0.2), logits (ln 2, 0, ln 2) give (0.4, 0.2, 0.4).
 */
class SmoothedCrossEntropyTest {

    private static double loss(double epsilon) {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            float ln2 = (float) Math.log(2);
            float ln3 = (float) Math.log(3);
            NDList logits = new NDList(manager.create(new float[][] {{0, ln3, 0}, {ln2, 0, ln2}}));
            NDList labels = new NDList(manager.create(new long[] {1, 2}));
            return new SmoothedCrossEntropy(epsilon).evaluate(labels, logits).getFloat();
        }
    }

    @Test
    void withoutSmoothingItIsTheMeanNegativeLogProbabilityOfTheTrueClass() {
        // (-ln 0.6 - ln 0.4) / 2
        assertEquals((-Math.log(0.6) - Math.log(0.4)) / 2, loss(0), 1e-6);
    }

    @Test
    void smoothingSpreadsEpsilonOverAllClasses() {
        // eps 0.3 over 3 classes: targets 0.1 off the true class, 0.8 on it
        double row1 = -(0.1 * Math.log(0.2) + 0.8 * Math.log(0.6) + 0.1 * Math.log(0.2));
        double row2 = -(0.1 * Math.log(0.4) + 0.1 * Math.log(0.2) + 0.8 * Math.log(0.4));
        assertEquals((row1 + row2) / 2, loss(0.3), 1e-6);
        assertEquals(0.858077, loss(0.3), 1e-5);
    }
}
