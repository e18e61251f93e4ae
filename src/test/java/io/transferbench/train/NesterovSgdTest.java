package io.transferbench.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Nesterov SGD against PyTorch's update rule, worked by hand for two steps. */
class NesterovSgdTest {

    @Test
    void twoStepsMatchPyTorchsNesterovSgdWithWeightDecay() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NesterovSgd sgd = NesterovSgd.builder().learningRates((id, step) -> 0.1f).momentum(0.9f)
                    .stateOwner(manager).optWeightDecays(0.01f).build();
            NDArray w = manager.create(new float[] {1.0f, -2.0f});
            // step 1, grad (0.5, 0.25): g = grad + 0.01 w = (0.51, 0.23); buf = g;
            // update = g + 0.9 buf = (0.969, 0.437); w = w - 0.1 update = (0.9031, -2.0437)
            sgd.update("w", w, manager.create(new float[] {0.5f, 0.25f}));
            assertArrayEquals(new float[] {0.9031f, -2.0437f}, w.toFloatArray(), 1e-6f);
            // step 2, grad (-1, 0.5): g = (-1 + 0.009031, 0.5 - 0.020437) = (-0.990969, 0.479563);
            // buf = 0.9 (0.51, 0.23) + g = (-0.531969, 0.686563);
            // update = g + 0.9 buf = (-1.4697411, 1.0974697); w = (1.05007411, -2.15344697)
            sgd.update("w", w, manager.create(new float[] {-1.0f, 0.5f}));
            assertArrayEquals(new float[] {1.05007411f, -2.15344697f}, w.toFloatArray(), 1e-6f);
        }
    }

    @Test
    void eachParameterHasItsOwnMomentumBuffer() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NesterovSgd sgd = NesterovSgd.builder().learningRates((id, step) -> 1f).momentum(0.5f).stateOwner(manager)
                    .build();
            NDArray a = manager.create(new float[] {0f});
            NDArray b = manager.create(new float[] {0f});
            sgd.update("a", a, manager.create(new float[] {1f}));   // buf 1, update 1 + 0.5 = 1.5
            sgd.update("a", a, manager.create(new float[] {1f}));   // buf 1.5, update 1 + 0.75 = 1.75
            sgd.update("b", b, manager.create(new float[] {1f}));   // a fresh buffer: update 1.5
            assertArrayEquals(new float[] {-3.25f}, a.toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {-1.5f}, b.toFloatArray(), 1e-6f);
        }
    }
}
