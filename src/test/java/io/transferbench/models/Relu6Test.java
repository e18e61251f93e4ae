package io.transferbench.models;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ReLU6's two forms against each other, and the eager freeing of intermediates they rely on. */
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
    void whereNoGradientFlowsItIsOneClamp() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray y = Relu6.apply(manager.create(POINTS));
            assertFalse(y.hasGradient());
            assertArrayEquals(new float[] {0, 0, 0, 0, 1e-30f, 0.1f, 3f, 5.999999f, 6, 6, 6, 6, 6, 6, 6},
                    y.toFloatArray());
        }
    }

    @Test
    void anEagerSequenceFreesWhatEachChildMadeButNeverItsInputsOrWhatItReturns() {
        AtomicInteger made = new AtomicInteger();
        List<NDArray> seen = new ArrayList<>();
        Block twice = new LambdaBlock(list -> {
            made.incrementAndGet();
            NDArray y = list.singletonOrThrow().mul(2);
            seen.add(y);
            return new NDList(y);
        });
        Block same = new LambdaBlock(list -> list);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            EagerSequentialBlock sequence = new EagerSequentialBlock();
            sequence.add(twice).add(same).add(twice).add(twice);
            NDArray input = manager.create(new float[] {1f, 2f});
            NDList out = sequence.forward(new ParameterStore(manager, false), new NDList(input), false);
            assertArrayEquals(new float[] {8f, 16f}, out.singletonOrThrow().toFloatArray());
            assertEquals(3, made.get());
            assertFalse(input.isReleased(), "the caller's input stays");
            assertTrue(seen.get(0).isReleased() && seen.get(1).isReleased(), "spent intermediates are freed");
            assertFalse(seen.get(2).isReleased(), "the output stays");
            assertThrows(IllegalStateException.class, () -> seen.get(0).toFloatArray());
        }
    }
}
