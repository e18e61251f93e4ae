package io.transferbench.train;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Divergence is judged against the cell's first step, whatever the loss does once the model fits. */
class DivergenceGuardTest {

    @Test
    void aFittedModelsNoisyBatchLossesAreNotDivergence() {
        DivergenceGuard guard = new DivergenceGuard(100);
        double[] losses = {0.69, 0.3, 0.05, 0.001, 0.12, 0.0008, 0.7};
        for (int step = 0; step < losses.length; step++) {
            assertNull(guard.check(losses[step], step), "step " + step);
        }
    }

    @Test
    void lossesFarAboveTheFirstStepOrNotFiniteAreDivergence() {
        DivergenceGuard guard = new DivergenceGuard(100);
        guard.check(0.69, 0);
        assertTrue(guard.check(70, 1).startsWith("loss exploded to 70.00 at step 1"));
        assertTrue(guard.check(Double.NaN, 2).contains("NaN"));
    }
}
