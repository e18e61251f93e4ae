package io.transferbench.models.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.training.ParameterStore;
import io.transferbench.BenchException;
import io.transferbench.models.Backbone;
import io.transferbench.spec.ModelSpec;
import io.transferbench.train.CellTrainer;
import io.transferbench.train.TransferNetwork;
import org.junit.jupiter.api.Test;

/**
 * The network's shape: six stages keeping one row per clip, 328,128 parameters as in the ONNX
 * file, analytic FLOPs, windows cut from the frames in order and averaged by the pooling.
 */
class SpeechEmbeddingFamilyTest {

    private final SpeechEmbeddingFamily family = new SpeechEmbeddingFamily();
    private final ModelSpec spec = new ModelSpec(SpeechEmbeddingFamily.NAME, null, null);

    @Test
    void stagesKeepOneRowPerClipAndTheParametersMatchTheExport() {
        long[] input = {97, 32};
        try (Model model = Model.newInstance("speech", Device.cpu(), "PyTorch")) {
            Backbone backbone = family.build(spec, input);
            assertEquals(6, backbone.stages().size());
            assertEquals(96, backbone.featureDim());
            TransferNetwork net = new TransferNetwork(backbone, Blocks.identityBlock());
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, CellTrainer.batchShape(input));
            long parameters = backbone.stages().stream().flatMap(s -> s.getParameters().values().stream())
                    .mapToLong(p -> p.getArray().size()).sum();
            assertEquals(328_128, parameters, "20 convolutions, the last without bias");
            NDList x = new NDList(model.getNDManager().randomNormal(new Shape(2, 97, 32)));
            ParameterStore store = new ParameterStore(model.getNDManager(), false);
            long[][] expected = {{2, 3, 24, 36, 16}, {2, 3, 48, 32, 8}, {2, 3, 72, 14, 4}, {2, 3, 96, 10, 2},
                {2, 3, 96, 3, 1}, {2, 3, 96, 1, 1}};
            for (int s = 0; s < 6; s++) {
                x = backbone.stages().get(s).forward(store, x, false);
                assertArrayEquals(expected[s], x.singletonOrThrow().getShape().getShape(), "stage " + s);
            }
            NDArray pooled = backbone.pooling().forward(store, x, false).singletonOrThrow();
            assertArrayEquals(new long[] {2, 96}, pooled.getShape().getShape());
            NDArray mean = x.singletonOrThrow().reshape(2, 3, 96).mean(new int[] {1});
            assertTrue(pooled.allClose(mean), "pooling is the mean of the window embeddings");
        }
    }

    @Test
    void flopsCountEveryWindow() {
        Backbone one = family.build(spec, new long[] {76, 32});
        Backbone three = family.build(spec, new long[] {97, 32});
        assertEquals(3 * one.flopsFrom(0), three.flopsFrom(0));
        // Per window, by hand: the 3x3 stem on 74 x 32 outputs is 24 * 9 * 74 * 32 multiply-adds.
        assertTrue(one.stageFlops()[0] > 2L * 24 * 9 * 74 * 32);
        assertEquals(83_911_680L, one.flopsFrom(0), "2 x multiply-adds of the 20 convolutions on one window");
    }

    @Test
    void windowsAreCutInFrameOrder() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            float[] frames = new float[84 * 32];
            for (int f = 0; f < 84; f++) {
                for (int m = 0; m < 32; m++) {
                    frames[f * 32 + m] = f;
                }
            }
            NDArray windows = new ClipWindows(8).forward(new ParameterStore(manager, false),
                    new NDList(manager.create(frames, new Shape(1, 84, 32))), false).singletonOrThrow();
            assertArrayEquals(new long[] {1, 2, 1, 76, 32}, windows.getShape().getShape());
            assertEquals(0f, windows.getFloat(0, 0, 0, 0, 0));
            assertEquals(75f, windows.getFloat(0, 0, 0, 75, 31));
            assertEquals(8f, windows.getFloat(0, 1, 0, 0, 0), "the second window starts 8 frames later");
            assertEquals(83f, windows.getFloat(0, 1, 0, 75, 0));
        }
    }

    @Test
    void inputsOfTheWrongShapeAreRefusedWithTheShapeNamed() {
        BenchException e = assertThrows(BenchException.class, () -> family.build(spec, new long[] {50, 32}));
        assertTrue(e.getMessage().contains("F >= 76") && e.getMessage().contains("[50, 32]"), e.getMessage());
        assertThrows(BenchException.class, () -> family.build(spec, new long[] {97, 40}));
    }
}
