package io.transferbench.models.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.transferbench.LockedAssets;
import io.transferbench.OnnxReference;
import io.transferbench.assets.AssetService;
import io.transferbench.data.Batch;
import io.transferbench.data.Splits;
import io.transferbench.data.TextExamples;
import io.transferbench.models.Backbone;
import io.transferbench.spec.ModelSpec;
import io.transferbench.train.CellTrainer;
import io.transferbench.train.TransferNetwork;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The DJL encoder with imported weights computes what the checkpoint's own ONNX graph computes:
 * the same sentences, tokenised by the same tokenizer.json, go through our encoder (PyTorch engine)
 * and through the ONNX file (OnnxRuntime engine, same JVM); the last hidden states of every real
 * token agree to 1e-4 (measured: under 4e-6 for both checkpoints).
 */
class BertFidelityTest {

    private static final double TOLERANCE = 1e-4;
    /**
     * Padding positions carry no information (pooling and attention mask them out) and drift a little
     * more between the two engines (up to 1.2e-4 for BGE's 12 layers); they are checked loosely.
     */
    private static final double PADDING_TOLERANCE = 1e-3;
    private static final int LENGTH = 40;

    private static final List<String> SENTENCES = List.of(
            "The quick brown fox jumps over the lazy dog.",
            "Transfer learning reuses a network pretrained on a large corpus.",
            "spam",
            "Café naïve résumé: accents, UPPER case, and numbers like 3.14159 or 2,048!",
            "A long passage is cut at the model's length limit: " + "word ".repeat(60));

    enum Checkpoint {
        MINILM(BertCheckpoint.MINILM_L6),
        BGE(BertCheckpoint.BGE_SMALL);

        final BertCheckpoint checkpoint;

        Checkpoint(BertCheckpoint checkpoint) {
            this.checkpoint = checkpoint;
        }
    }

    @ParameterizedTest
    @EnumSource(Checkpoint.class)
    void lastHiddenStatesMatchTheOnnxGraphRunByOnnxRuntime(Checkpoint which) throws Exception {
        BertCheckpoint checkpoint = which.checkpoint;
        AssetService assets = LockedAssets.service();
        Path onnx = assets.fetch(checkpoint.onnx().assetId()).resolve(checkpoint.onnx().file());
        BertFamily family = new BertFamily(checkpoint);
        ModelSpec spec = new ModelSpec(family.name(),
                JsonNodeFactory.instance.objectNode().put("max-length", LENGTH), null);
        int[] labels = new int[SENTENCES.size()];
        TextExamples texts = new TextExamples(SENTENCES, labels);
        Splits tokenized = family.prepareInputs(
                new Splits(texts, texts, texts, List.of("a"), new long[0], Map.of()), spec, assets);

        try (Model model = Model.newInstance("bert", Device.cpu(), "PyTorch")) {
            NDManager manager = model.getNDManager();
            Backbone backbone = family.build(spec, new long[] {LENGTH});
            TransferNetwork net = new TransferNetwork(backbone, Blocks.identityBlock());
            model.setBlock(net);
            net.initialize(manager, DataType.FLOAT32, CellTrainer.batchShape(new long[] {LENGTH}));
            family.loadPretrained(backbone, spec, assets, manager);

            int[] all = java.util.stream.IntStream.range(0, SENTENCES.size()).toArray();
            Batch batch = tokenized.train().batch(manager, all);
            NDArray ids = batch.inputs().singletonOrThrow();
            assertTrue(((TokenizedText) tokenized.train()).fill() < 1, "some sequences are padded");

            NDList x = batch.inputs();
            ParameterStore store = new ParameterStore(manager, false);
            for (Block stage : backbone.stages()) {
                x = stage.forward(store, x, false);
            }
            float[] ours = x.get(0).toFloatArray();
            float[] reference = onnxRuntime(onnx, ids.toLongArray(), x.get(1).toType(DataType.INT64, false)
                    .toLongArray(), new Shape(SENTENCES.size(), LENGTH));
            long[] mask = x.get(1).toType(DataType.INT64, false).toLongArray();
            int hidden = (int) backbone.featureDim();
            assertArrayEquals(atTokens(reference, mask, hidden, 1), atTokens(ours, mask, hidden, 1), (float) TOLERANCE,
                    checkpoint.family() + ": real tokens differ by up to " + maxAbsDifference(
                            atTokens(reference, mask, hidden, 1), atTokens(ours, mask, hidden, 1)));
            assertArrayEquals(atTokens(reference, mask, hidden, 0), atTokens(ours, mask, hidden, 0),
                    (float) PADDING_TOLERANCE, checkpoint.family() + ": padding positions differ");
        }
    }

    private static float[] onnxRuntime(Path onnx, long[] ids, long[] mask, Shape shape) throws Exception {
        return OnnxReference.firstOutput(onnx, m -> {
            NDArray inputIds = m.create(ids, shape);
            inputIds.setName("input_ids");
            NDArray attention = m.create(mask, shape);
            attention.setName("attention_mask");
            NDArray types = m.zeros(shape, DataType.INT64);
            types.setName("token_type_ids");
            return new NDList(inputIds, attention, types);
        });
    }

    /** The hidden states at positions whose mask is {@code keep}, concatenated. */
    private static float[] atTokens(float[] states, long[] mask, int hidden, long keep) {
        float[] out = new float[(int) java.util.Arrays.stream(mask).filter(v -> v == keep).count() * hidden];
        int n = 0;
        for (int t = 0; t < mask.length; t++) {
            if (mask[t] == keep) {
                System.arraycopy(states, t * hidden, out, n, hidden);
                n += hidden;
            }
        }
        return out;
    }

    private static double maxAbsDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
