package io.transferbench.models;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** ReLU6's two forms against each other. */
class Relu6Test {

    // both boundaries, both sides of them, and magnitudes up to just below 2^25
    private static final float[] POINTS = {-3e7f, -7f, -1e-30f, 0f, 1e-30f, 0.1f, 3f, 5.999999f, 6f, 6.000001f,
        7f, 12f, 1e5f, 16777215f, 33554430f};

    @Test
    void theGradientFormHasTheClampsValuesAndTensorFlowsGradientAtZero() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray x = manager.create(POINTS);
            NDArray clamped = Relu6.apply(x);
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = Relu6.apply(x);
                assertArrayEquals(clamped.toFloatArray(), y.toFloatArray(), 0f, "the same values, bit for bit");
                collector.backward(y.sum());
            }
            // 1 strictly between 0 and 6 (as TensorFlow's Relu6Grad and torch's hardtanh), and at 6 as clamp
            float[] expected = {0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0};
            assertArrayEquals(expected, x.getGradient().toFloatArray());
        }
    }

    @Test
    void whereAutogradDoesNotRecordItIsOneClamp() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray y = Relu6.apply(manager.create(POINTS));
            assertFalse(y.hasGradient());
            assertArrayEquals(new float[] {0, 0, 0, 0, 1e-30f, 0.1f, 3f, 5.999999f, 6, 6, 6, 6, 6, 6, 6},
                    y.toFloatArray());
        }
    }
}
