package io.transferbench.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Clipping by the global norm of all gradients, checked on a 3-4-12 triangle: norm 13. */
class GradientClippingTest {

    @Test
    void gradientsAboveTheMaximumNormAreScaledTogetherToIt() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu()); NDManager step = manager.newSubManager()) {
            NDArray a = manager.create(new float[] {3f, 4f});
            NDArray b = manager.create(new float[] {12f});
            // sqrt(9 + 16 + 144) = 13; to norm 6.5 every gradient is halved, not each to its own norm
            assertEquals(13.0, GradientClipping.clip(List.of(a, b), 6.5, step), 1e-6);
            assertArrayEquals(new float[] {1.5f, 2f}, a.toFloatArray(), 1e-5f);
            assertArrayEquals(new float[] {6f}, b.toFloatArray(), 1e-5f);
        }
    }

    @Test
    void gradientsWithinTheMaximumNormAreLeftAlone() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu()); NDManager step = manager.newSubManager()) {
            NDArray a = manager.create(new float[] {3f, 4f});
            assertEquals(5.0, GradientClipping.clip(List.of(a), 5.0, step), 1e-6);
            assertArrayEquals(new float[] {3f, 4f}, a.toFloatArray());
        }
    }
}
