package io.transferbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import io.transferbench.models.Backbone;
import io.transferbench.models.StageOutput;
import io.transferbench.tasks.TaskHead;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A head that reads several stages gets the same outputs whether the network starts from raw
 * inputs or from a cached prefix of any depth: the cache layout carries every tap it needs.
 */
class TapsTest {

    private static final int STAGES = 4;

    private static TransferNetwork network(List<Integer> taps) {
        List<Block> stages = new ArrayList<>();
        for (int i = 0; i < STAGES; i++) {
            stages.add(new SequentialBlock().add(Linear.builder().setUnits(4).build()).add(Activation::relu));
        }
        Backbone backbone = new Backbone(stages, Collections.nCopies(STAGES, StageOutput.vector(4)),
                Blocks.identityBlock(), new long[0]);
        Block layers = new SequentialBlock()
                .add(new LambdaBlock(list -> new NDList(concatAll(list)), "concat-taps"))
                .add(Linear.builder().setUnits(3).build());
        return new TransferNetwork(backbone, new TaskHead(taps, Blocks.identityBlock(), layers, 0));
    }

    private static NDArray concatAll(NDList list) {
        NDArray all = list.get(0);
        for (int i = 1; i < list.size(); i++) {
            all = all.concat(list.get(i), 1);
        }
        return all;
    }

    @Test
    void everyCachedDepthGivesTheOutputsOfTheWholeNetwork() {
        for (List<Integer> taps : List.of(List.of(0, 2), List.of(1, 3), List.of(0, 1, 2, 3), List.of(3))) {
            try (NDManager manager = NDManager.newBaseManager()) {
                TransferNetwork net = network(taps);
                net.initialize(manager, DataType.FLOAT32, new Shape(2, 5));
                ParameterStore store = new ParameterStore(manager, false);
                NDList x = new NDList(manager.randomNormal(new Shape(6, 5)));
                float[] whole = net.forward(store, x, false).head().toFloatArray();
                assertEquals(18, whole.length);
                for (int depth = 0; depth <= STAGES; depth++) {
                    NDList cached = net.prefix(store, x, depth);
                    net.takeInputsAtDepth(depth);
                    assertArrayEquals(whole, net.forward(store, cached, false).head().toFloatArray(), 1e-6f,
                            "taps " + taps + " from depth " + depth);
                    net.takeInputsAtDepth(0);
                }
            }
        }
    }

    /**
     * Stages that pass an extra array along (an encoder's skip for a later decoder stage) chain as
     * usual, but a head tapping them sees only their output, from raw inputs and from every cached
     * depth alike.
     */
    @Test
    void carriedArraysReachLaterStagesButNotTheHead() {
        // Stage 0 outputs [y0, x]; stage 1 adds the carried x back and outputs [y1].
        Block first = new LambdaBlock(in -> new NDList(in.head().mul(2), in.head()), "double-and-carry");
        Block second = new LambdaBlock(in -> new NDList(in.get(0).add(in.get(1))), "add-carried");
        Backbone backbone = new Backbone(List.of(first, second),
                List.of(new StageOutput(5, 1, 1), new StageOutput(5, 1)), Blocks.identityBlock(), new long[0]);
        Block layers = new LambdaBlock(list -> new NDList(concatAll(list)), "concat-taps");
        TransferNetwork net = new TransferNetwork(backbone, new TaskHead(List.of(0, 1), Blocks.identityBlock(),
                layers, 0));
        try (NDManager manager = NDManager.newBaseManager()) {
            net.initialize(manager, DataType.FLOAT32, new Shape(2, 5));
            assertArrayEquals(new long[] {2, 10}, net.getOutputShapes(new Shape[] {new Shape(2, 5)})[0].getShape());
            ParameterStore store = new ParameterStore(manager, false);
            NDArray x = manager.arange(10f).reshape(2, 5);
            float[] expected = x.mul(2).concat(x.mul(3), 1).toFloatArray();
            assertArrayEquals(expected, net.forward(store, new NDList(x), false).head().toFloatArray());
            for (int depth = 0; depth <= 2; depth++) {
                NDList cached = net.prefix(store, new NDList(x), depth);
                net.takeInputsAtDepth(depth);
                assertArrayEquals(expected, net.forward(store, cached, false).head().toFloatArray(), "depth " + depth);
                net.takeInputsAtDepth(0);
            }
        }
    }

    @Test
    void tapsMustAscendAndExist() {
        assertThrows(IllegalArgumentException.class, () -> network(List.of(2, 1)));
        assertThrows(IllegalArgumentException.class, () -> network(List.of(0, STAGES)));
    }
}
