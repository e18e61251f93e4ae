package io.transferbench.data.scenes;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transferbench.LockedAssets;
import io.transferbench.Mappers;
import io.transferbench.assets.AssetService;
import io.transferbench.data.Batch;
import io.transferbench.data.ExampleSet;
import io.transferbench.data.Splits;
import io.transferbench.data.images.CropWindow;
import io.transferbench.data.images.RasterImage;
import io.transferbench.data.images.ViewGeometry;
import io.transferbench.spec.DatasetSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scenes labelled for detection: the same images as for segmentation, each object's visible box. */
class SceneBoxesTest {

    private static final int SIZE = 64;
    private static Splits boxes;
    private static Splits masks;

    @BeforeAll
    static void load() throws Exception {
        StampScenesDataset dataset = new StampScenesDataset();
        ObjectNode tree = (ObjectNode) Mappers.YAML.readTree("name: stamp-scenes\nval-fraction: 0.15\n"
                + "test-fraction: 0.2\noptions: {image-size: 64, categories: [animals, food], train-scenes: 8,"
                + " val-scenes: 4, test-scenes: 6, max-objects: 3, augment: standard}\n");
        dataset.optionsRule().fillDefaults((ObjectNode) tree.get("options"));
        DatasetSpec spec = Mappers.SUITE.treeToValue(tree, DatasetSpec.class);
        AssetService assets = LockedAssets.service(dataset.assetIds(spec).toArray(String[]::new));
        boxes = dataset.load(spec, StampScenesDataset.DETECTION, assets);
        masks = dataset.load(spec, StampScenesDataset.SEGMENTATION, assets);
    }

    @Test
    void eachObjectsBoxIsTheExtentOfItsClassInTheMaskAndRowsPastTheObjectsArePadding() {
        assertArrayEquals(new long[] {3, 5}, boxes.targets().shape(), "max-objects rows of corners and class");
        assertEquals(masks.classNames(), boxes.classNames());
        int[] idx = {0, 1, 2, 3, 4, 5};
        try (NDManager manager = NDManager.newBaseManager()) {
            assertArrayEquals(masks.test().inputs(manager, idx).head().toFloatArray(),
                    boxes.test().inputs(manager, idx).head().toFloatArray(), "the same scenes for both tasks");
            float[] rows = boxes.test().targets(manager, idx).head().toFloatArray();
            int[] mask = masks.test().targets(manager, idx).head().toIntArray();
            int objects = 0;
            for (int n = 0; n < idx.length; n++) {
                for (int r = 0; r < 3; r++) {
                    int at = 5 * (3 * n + r);
                    if (rows[at + 4] == SceneBoxes.PADDING) {
                        assertArrayEquals(new float[5], new float[] {rows[at], rows[at + 1], rows[at + 2],
                            rows[at + 3], 0}, "padding rows are zeros and class -1");
                        continue;
                    }
                    objects++;
                    int cls = (int) rows[at + 4];
                    assertTrue(cls == 1 || cls == 2, "class " + cls);
                    assertTrue(maskHasClassInside(mask, n, cls, rows, at), "the box holds pixels of its class");
                }
            }
            assertTrue(objects >= idx.length, "every scene has an object");
        }
    }

    private static boolean maskHasClassInside(int[] mask, int n, int cls, float[] rows, int at) {
        for (int y = (int) rows[at + 1]; y < (int) Math.ceil(rows[at + 3]); y++) {
            for (int x = (int) rows[at]; x < (int) Math.ceil(rows[at + 2]); x++) {
                if (mask[n * SIZE * SIZE + y * SIZE + x] == cls) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void aMirroredViewMirrorsTheBoxesAndACropDropsWhatItCutsAway() {
        Scene scene = new Scene(new RasterImage(SIZE, SIZE, 3, new byte[3 * SIZE * SIZE]), new byte[SIZE * SIZE],
                List.of(new SceneObject(0, 4, 10, 20, 30, 100, 100), new SceneObject(1, 50, 50, 60, 60, 50, 50)));
        SceneBoxes targets = new SceneBoxes(3);
        ViewGeometry mirrored = new ViewGeometry(new CropWindow(0, 0, SIZE, SIZE), true, SIZE);
        ViewGeometry topLeft = new ViewGeometry(new CropWindow(0, 0, 32, 32), false, SIZE);
        try (NDManager manager = NDManager.newBaseManager()) {
            float[] m = targets.create(manager, List.of(scene, scene), List.of(mirrored, topLeft)).toFloatArray();
            assertArrayEquals(new float[] {44, 10, 60, 30, 1, 4, 50, 14, 60, 2, 0, 0, 0, 0, -1}, java.util.Arrays
                    .copyOfRange(m, 0, 15), "mirrored: x becomes 64 - x");
            assertArrayEquals(new float[] {8, 20, 40, 60, 1, 0, 0, 0, 0, -1, 0, 0, 0, 0, -1}, java.util.Arrays
                    .copyOfRange(m, 15, 30), "the crop doubles the first box and leaves nothing of the second");
        }
    }

    @Test
    void anAugmentedTrainingViewRepeatsForTheSameSeedAndMovesTheBoxes() {
        int[] idx = {0, 1, 2, 3};
        try (NDManager manager = NDManager.newBaseManager()) {
            ExampleSet view = boxes.train().forTraining(7);
            Batch first = view.batch(manager, idx);
            Batch again = boxes.train().forTraining(7).batch(manager, idx);
            assertArrayEquals(first.labels().head().toFloatArray(), again.labels().head().toFloatArray());
            assertFalse(java.util.Arrays.equals(boxes.train().targets(manager, idx).head().toFloatArray(),
                    first.labels().head().toFloatArray()), "the view crops or flips the boxes");
        }
    }
}
