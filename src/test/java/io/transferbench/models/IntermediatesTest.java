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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Intermediates are freed once consumed; inputs, outputs and gradients are not touched. */
class IntermediatesTest {

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

    @Test
    void withinFreesWhatTheBodyMadeKeepsItsResultAndHandsBackPassedThroughInputs() {
        List<NDArray> made = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager(Device.cpu()); NDManager batch = manager.newSubManager()) {
            NDArray x = batch.create(new float[] {1f, 2f, 3f});
            NDArray mask = batch.create(new float[] {1f, 1f, 0f});
            x.setRequiresGradient(true);
            NDList out;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                out = Intermediates.within(new NDList(x, mask), in -> {
                    NDArray squared = in.get(0).mul(in.get(0));
                    NDArray masked = squared.mul(in.get(1));
                    made.add(squared);
                    return new NDList(masked.add(1), in.get(1));
                });
                collector.backward(out.get(0).sum());
            }
            assertArrayEquals(new float[] {2f, 5f, 1f}, out.get(0).toFloatArray());
            assertSame(batch, out.get(0).getManager(), "the result lives where the inputs did");
            assertSame(mask, out.get(1), "a passed-through input comes back as the caller's array");
            assertTrue(made.get(0).isReleased(), "intermediates are freed on return");
            assertFalse(x.isReleased());
            // autograd kept what backward needed: d/dx of x^2 * mask
            assertArrayEquals(new float[] {2f, 4f, 0f}, x.getGradient().toFloatArray());
        }
    }

    @Test
    void anInputAStepPassesAlongIsNotTheSequencesToClose() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray input = manager.create(new float[] {1f, 2f});
            EagerSequentialBlock sequence = new EagerSequentialBlock();
            // the first step carries the input beside its output, the second drops it
            sequence.add(new LambdaBlock(list -> new NDList(list.head().mul(3), list.head())))
                    .add(new LambdaBlock(list -> new NDList(list.head().add(list.get(1)))));
            NDList out = sequence.forward(new ParameterStore(manager, false), new NDList(input), false);
            assertArrayEquals(new float[] {4f, 8f}, out.singletonOrThrow().toFloatArray());
            assertFalse(input.isReleased());
            assertArrayEquals(new float[] {1f, 2f}, input.toFloatArray());
        }
    }
}
