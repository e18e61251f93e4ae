package io.transferbench.data.images;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A mask and boxes follow the random crop and flip that augmentation applied to their image. */
class ViewGeometryTest {

    private static final int W = 120;
    private static final int H = 90;
    /** Geometry only: no colour jitter, so pixel values still encode the labels. */
    private static final Augmentation GEOMETRY = new Augmentation("geometry", 0.25, 0.5, 0, 0, 0);

    /** Four blocks of labels 0..3, and an image whose grey value is 60 x the label. */
    private static byte[] labels() {
        byte[] labels = new byte[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                labels[y * W + x] = (byte) ((x < 70 ? 0 : 1) + (y < 40 ? 0 : 2));
            }
        }
        return labels;
    }

    private static RasterImage imageOf(byte[] labels) {
        byte[] grey = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            grey[i] = (byte) (60 * labels[i]);
        }
        return new RasterImage(W, H, 1, grey);
    }

    @Test
    void theMaskFollowsTheCropAndFlipOfItsImage() {
        byte[] labels = labels();
        RasterImage image = imageOf(labels);
        int size = 48;
        int mirrored = 0;
        for (long seed = 1; seed <= 40; seed++) {
            float[] pixels = new float[3 * size * size];
            ViewGeometry view = GEOMETRY.draw(image, new SplittableRandom(seed), size, pixels, 0);
            mirrored += view.mirror() ? 1 : 0;
            byte[] mask = new byte[size * size];
            view.drawLabels(labels, W, H, mask, 0);
            for (int i = 0; i < mask.length; i++) {
                float expected = 60f * mask[i];
                // Bilinear blends only next to a block edge; anywhere else image and mask agree exactly.
                if (Math.abs(pixels[i] - expected) > 1e-3) {
                    assertTrue(nextToAnEdge(mask, size, i), "seed " + seed + " pixel " + i + ": image "
                            + pixels[i] + ", mask label " + mask[i]);
                }
            }
        }
        assertTrue(mirrored > 5 && mirrored < 35, "about half the views are mirrored: " + mirrored);
    }

    private static boolean nextToAnEdge(byte[] mask, int size, int i) {
        int x = i % size;
        int y = i / size;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = Math.min(size - 1, Math.max(0, x + dx));
                int ny = Math.min(size - 1, Math.max(0, y + dy));
                if (mask[ny * size + nx] != mask[i]) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void aBoxLandsWhereItsPixelsDo() {
        byte[] labels = labels();
        int size = 60;
        // Right half of the image, mirrored: the block of label 3 (x 70..120, y 40..90) moves to the left.
        ViewGeometry view = new ViewGeometry(new CropWindow(60, 30, 60, 60), true, size);
        double[] box = view.mapBox(new double[] {70, 40, 120, 90});
        assertArrayEquals(new double[] {0, 10, 50, 60}, box, 1e-9);
        byte[] mask = new byte[size * size];
        view.drawLabels(labels, W, H, mask, 0);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean inBox = x + 0.5 > box[0] && x + 0.5 < box[2] && y + 0.5 > box[1] && y + 0.5 < box[3];
                assertEquals(inBox, mask[y * size + x] == 3, "pixel " + x + "," + y);
            }
        }
        assertNull(view.mapBox(new double[] {0, 0, 50, 20}), "a box outside the window is gone");
    }
}
