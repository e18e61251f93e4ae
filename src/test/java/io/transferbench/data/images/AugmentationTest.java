package io.transferbench.data.images;

import ai.djl.ndarray.NDManager;
import io.transferbench.data.ExampleSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training views are random but reproducible per seed; evaluation inputs are never random. */
class AugmentationTest {

    private static final int SIZE = 32;
    private static final int[] BATCH = {0, 1, 2, 3, 4, 5, 6, 7};
    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void viewsWithTheSameSeedDrawTheSameBatchesInTheSameOrder() {
        ImageSet set = noisyImages(Augmentation.STANDARD);
        ExampleSet first = set.forTraining(5);
        ExampleSet again = set.forTraining(5);
        assertTrue(first.augmented());
        float[] a1 = pixels(first);
        float[] a2 = pixels(first);
        assertArrayEquals(a1, pixels(again));
        assertArrayEquals(a2, pixels(again));
        assertFalse(Arrays.equals(a1, a2), "each batch is a fresh random view");
        assertFalse(Arrays.equals(a1, pixels(set.forTraining(6))), "another seed, other views");
        for (float v : a1) {
            assertTrue(v >= 0 && v <= 255, "pixel value " + v);
        }
    }

    @Test
    void evaluationInputsAreThePlainResizedImages() {
        ImageSet set = noisyImages(Augmentation.STANDARD);
        assertFalse(set.augmented());
        assertArrayEquals(pixels(set), pixels(set));
        RasterImage grey = new RasterImage(4, 4, 1, filled(16, (byte) 77));
        float[] solid = pixels(new ImageSet(List.of(grey), new int[] {0}, SIZE, Augmentation.NONE), new int[] {0});
        assertEquals(3 * SIZE * SIZE, solid.length);
        for (float v : solid) {
            assertEquals(77f, v, 1e-4, "grey copied to all three channels");
        }
    }

    @Test
    void aSetWithoutAugmentationTrainsOnItself() {
        ImageSet set = noisyImages(Augmentation.NONE);
        assertSame(set, set.forTraining(5));
    }

    @Test
    void fittingLetterboxesOnTheBackgroundAndShrinksLargeImagesWithoutAliasing() {
        RasterImage wide = new RasterImage(400, 200, 3, filled(400 * 200 * 3, (byte) 250));
        RasterImage fitted = wide.fittedInto(10, 128);
        assertEquals(10, fitted.width());
        assertEquals(128, fitted.at(5, 0, 0), "letterbox");
        assertEquals(250, fitted.at(5, 5, 0), "image");
        byte[] stripes = new byte[64 * 64];
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = (byte) (i % 2 == 0 ? 0 : 200);
        }
        RasterImage small = new RasterImage(64, 64, 1, stripes).fittedInto(8, 128);
        for (int x = 0; x < 8; x++) {
            assertEquals(100, small.at(x, 4, 0), 1, "one-pixel stripes average out instead of aliasing");
        }
    }

    @Test
    void oversamplingRepeatsSmallClassesUpToTheMeanClassSize() {
        int[] labels = new int[15];
        Arrays.fill(labels, 0, 10, 0);
        Arrays.fill(labels, 10, 14, 1);
        labels[14] = 2;
        int[] rows = java.util.stream.IntStream.range(0, 15).toArray();
        int[] balanced = ClassBalance.oversample(rows, labels, 3, 9);
        assertEquals(20, balanced.length);
        assertEquals(10, Arrays.stream(balanced).filter(r -> labels[r] == 0).count());
        assertEquals(5, Arrays.stream(balanced).filter(r -> labels[r] == 1).count());
        assertEquals(5, Arrays.stream(balanced).filter(r -> r == 14).count());
        assertTrue(Arrays.stream(rows).allMatch(r -> Arrays.stream(balanced).anyMatch(b -> b == r)));
        assertArrayEquals(balanced, ClassBalance.oversample(rows, labels, 3, 9));
    }

    private float[] pixels(ExampleSet set) {
        return pixels(set, BATCH);
    }

    private float[] pixels(ExampleSet set, int[] indices) {
        return set.batch(manager, indices).inputs().head().toFloatArray();
    }

    private static ImageSet noisyImages(Augmentation augmentation) {
        Random random = new Random(1);
        List<RasterImage> images = new ArrayList<>();
        for (int i = 0; i < BATCH.length; i++) {
            byte[] pixels = new byte[20 * 14 * 3];
            random.nextBytes(pixels);
            images.add(new RasterImage(20, 14, 3, pixels));
        }
        return new ImageSet(images, new int[BATCH.length], SIZE, augmentation);
    }

    private static byte[] filled(int n, byte value) {
        byte[] b = new byte[n];
        Arrays.fill(b, value);
        return b;
    }
}
