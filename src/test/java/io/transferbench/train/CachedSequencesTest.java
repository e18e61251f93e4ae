package io.transferbench.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Blocks;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.transferbench.LockedAssets;
import io.transferbench.assets.AssetService;
import io.transferbench.catalog.Catalog;
import io.transferbench.data.BatchPlan;
import io.transferbench.data.ExampleSet;
import io.transferbench.data.Splits;
import io.transferbench.data.TextExamples;
import io.transferbench.models.Backbone;
import io.transferbench.models.ModelFamily;
import io.transferbench.spec.ModelSpec;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text batches padded to their longest sequence give what padding to {@code max-length} gives
 * (padding is masked out of attention and pooling), and frozen-stage outputs cached for such a
 * set, stored at its longest sequence and cut back per batch, give what running the stages does.
 */
class CachedSequencesTest {

    private static final int MAX_LENGTH = 24;
    private static final List<String> TEXTS = List.of("spam", "a short note", "Transfer learning reuses a network.",
            "Win a prize now, click here!", "ok", "Meeting moved to Tuesday at ten, see agenda attached.",
            "A long passage is cut at the model's length limit: " + "word ".repeat(40), "hi there");

    @ParameterizedTest
    @ValueSource(ints = {3, 7})
    void paddingToTheLongestAndCachedPrefixesGiveTheSameFeaturesAsPaddingToMaxLength(int depth) {
        ModelFamily family = Catalog.discover().model("minilm-l6");
        AssetService assets = LockedAssets.service(family.weightAssetIds(spec(family, "longest")).toArray(String[]::new));
        ExampleSet longest = tokenized(family, "longest", assets);
        ExampleSet fixed = tokenized(family, "max-length", assets);
        int[] shortOnes = {0, 1, 4, 7};
        int[] all = java.util.stream.IntStream.range(0, TEXTS.size()).toArray();

        try (Model model = Model.newInstance("bert", Device.cpu(), "PyTorch")) {
            NDManager manager = model.getNDManager();
            ModelSpec spec = spec(family, "longest");
            Backbone backbone = family.build(spec, new long[] {MAX_LENGTH});
            TransferNetwork net = new TransferNetwork(backbone, Blocks.identityBlock());
            model.setBlock(net);
            net.initialize(manager, DataType.FLOAT32, CellTrainer.batchShape(new long[] {MAX_LENGTH}));
            family.loadPretrained(backbone, spec, assets, manager);
            ParameterStore store = new ParameterStore(manager, false);

            NDList shortBatch = longest.inputs(manager, shortOnes);
            assertEquals(BatchPlan.longest(longest.lengths().orElseThrow(), shortOnes),
                    shortBatch.get(0).getShape().get(1));
            assertTrue(shortBatch.get(0).getShape().get(1) < MAX_LENGTH / 2, shortBatch.get(0).getShape().toString());
            float[] reference = net.forward(store, fixed.inputs(manager, all), false).get(0).toFloatArray();
            float[] padded = net.forward(store, fixed.inputs(manager, shortOnes), false).get(0).toFloatArray();
            assertArrayEquals(padded, net.forward(store, shortBatch, false).get(0).toFloatArray(), 1e-5f);

            Splits splits = new Splits(longest, longest, longest, List.of("a"), new long[] {MAX_LENGTH}, Map.of());
            try (FeatureCache cache = new FeatureCache(manager, 1L << 30)) {
                // Batches of 3, in length order: the cache pads them to the set's longest and restores the set's order.
                FeatureCache.Entry entry = cache.compute(null, splits, depth, net, 3);
                net.takeInputsAtDepth(depth);
                NDList cachedShort = entry.train().inputs(manager, shortOnes);
                if (depth < backbone.stages().size()) {
                    assertEquals(shortBatch.get(0).getShape().get(1), cachedShort.get(0).getShape().get(1),
                            "cut back to the batch's longest");
                }
                assertArrayEquals(padded, net.forward(store, cachedShort, false).get(0).toFloatArray(), 1e-5f);
                assertArrayEquals(reference, net.forward(store, entry.train().inputs(manager, all), false).get(0)
                        .toFloatArray(), 1e-5f);
            }
        }
    }

    private static ExampleSet tokenized(ModelFamily family, String padding, AssetService assets) {
        TextExamples texts = new TextExamples(TEXTS, new int[TEXTS.size()]);
        return family.prepareInputs(new Splits(texts, texts, texts, List.of("a"), new long[0], Map.of()),
                spec(family, padding), assets).train();
    }

    private static ModelSpec spec(ModelFamily family, String padding) {
        return new ModelSpec(family.name(), JsonNodeFactory.instance.objectNode().put("max-length", MAX_LENGTH)
                .put("padding", padding), null);
    }
}
