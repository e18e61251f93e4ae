package io.transferbench.data.scenes;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transferbench.LockedAssets;
import io.transferbench.Mappers;
import io.transferbench.assets.AssetService;
import io.transferbench.data.Batch;
import io.transferbench.data.ExampleSet;
import io.transferbench.data.Splits;
import io.transferbench.spec.DatasetSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scene dataset: classes, per-split counts, mask targets, and augmented views that move masks too. */
class StampScenesDatasetTest {

    private static Splits splits;

    @BeforeAll
    static void load() throws Exception {
        StampScenesDataset dataset = new StampScenesDataset();
        ObjectNode tree = (ObjectNode) Mappers.YAML.readTree("name: stamp-scenes\nval-fraction: 0.15\n"
                + "test-fraction: 0.2\noptions: {image-size: 64, categories: [animals, food], train-scenes: 12,"
                + " val-scenes: 4, test-scenes: 4, seen-test-scenes: 3, augment: standard}\n");
        dataset.optionsRule().fillDefaults((ObjectNode) tree.get("options"));
        DatasetSpec spec = Mappers.SUITE.treeToValue(tree, DatasetSpec.class);
        AssetService assets = LockedAssets.service(dataset.assetIds(spec).toArray(String[]::new));
        splits = dataset.load(spec, assets);
    }

    @Test
    void classesAreTheBackgroundThenTheChosenCategoriesAndCountsAreRecorded() {
        assertEquals(List.of("background", "animals", "food"), splits.classNames());
        assertArrayEquals(new long[] {64, 64}, splits.targets().shape());
        assertEquals(12L, splits.counts().get("train"));
        assertTrue(splits.counts().get("train-objects:animals") + splits.counts().get("train-objects:food") >= 12,
                splits.counts().toString());
        assertTrue(splits.counts().get("test-stamps") > 0 && splits.counts().get("test-backgrounds") > 0);
    }

    @Test
    void theSeenTestSetIsNewScenesOfTheTrainingStampsAndBackgrounds() {
        assertEquals(List.of("test", "test-seen"), List.copyOf(splits.testSets().keySet()));
        ExampleSet seen = splits.otherTests().get("test-seen");
        assertEquals(3, seen.size());
        assertEquals(splits.counts().get("train-stamps"), splits.counts().get("test-seen-stamps"));
        assertEquals(splits.counts().get("train-backgrounds"), splits.counts().get("test-seen-backgrounds"));
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] seenImages = seen.inputs(manager, new int[] {0, 1, 2}).singletonOrThrow().toFloatArray();
            float[] trainImages = splits.train().inputs(manager, new int[] {0, 1, 2}).singletonOrThrow().toFloatArray();
            assertFalse(Arrays.equals(seenImages, trainImages), "new scenes, not copies of the training ones");
        }
        assertEquals(64, seen.picture(0).orElseThrow().getWidth(), "scenes show themselves at the model's size");
    }

    @Test
    void masksHoldOnlyClassesAndTheIgnoreValue() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Batch b = splits.test().batch(manager, new int[] {0, 1, 2, 3});
            assertEquals(new Shape(4, 3, 64, 64), b.inputs().singletonOrThrow().getShape());
            int[] mask = b.labels().singletonOrThrow().toIntArray();
            assertEquals(4 * 64 * 64, mask.length);
            assertTrue(Arrays.stream(mask).allMatch(v -> v >= 0 && v <= 2 || v == 255));
            assertTrue(Arrays.stream(mask).anyMatch(v -> v > 0 && v < 255), "some object pixels");
            assertArrayEquals(mask, splits.test().targets(manager, new int[] {0, 1, 2, 3}).singletonOrThrow()
                    .toIntArray(), "targets alone are the batch's targets");
        }
    }

    @Test
    void anAugmentedViewMovesTheMaskWithTheImageAndRepeatsForTheSameSeed() {
        try (NDManager manager = NDManager.newBaseManager()) {
            int[] idx = {0, 1, 2};
            ExampleSet a = splits.train().forTraining(7);
            ExampleSet b = splits.train().forTraining(7);
            assertTrue(a.augmented());
            Batch first = a.batch(manager, idx);
            Batch same = b.batch(manager, idx);
            assertArrayEquals(first.labels().head().toIntArray(), same.labels().head().toIntArray());
            assertArrayEquals(first.inputs().head().toFloatArray(), same.inputs().head().toFloatArray());
            int[] plain = splits.train().targets(manager, idx).head().toIntArray();
            assertFalse(Arrays.equals(plain, first.labels().head().toIntArray()), "the view crops or flips the mask");
        }
    }
}
