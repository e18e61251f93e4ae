package io.transferbench.data.scenes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.transferbench.data.images.RasterImage;

import org.junit.jupiter.api.Test;

class LetterboxTest {

    @Test
    void aWidePictureIsCentredAndItsMaskAndBoxesFollowWithTheMarginIgnored() {
        // 100 x 50 into 50: scale 1/2, 50 x 25 centred 12 rows down.
        Letterbox fit = Letterbox.of(100, 50, 50);
        assertEquals(new Letterbox(50, 100, 50, 0, 12, 50, 25), fit);
        assertArrayEquals(new double[] {0, 12, 50, 37}, fit.box(0, 0, 100, 50), 1e-9);
        assertArrayEquals(new double[] {10, 17, 15, 22}, fit.box(20, 10, 30, 20), 1e-9);
        assertArrayEquals(new double[] {45, 12, 50, 17}, fit.box(90, -5, 130, 10), 1e-9, "clipped to the picture");
        assertNull(fit.box(120, 0, 130, 10), "outside the picture");

        byte[] mask = new byte[100 * 50];
        for (int y = 0; y < 50; y++) {
            for (int x = 50; x < 100; x++) {
                mask[y * 100 + x] = 2;
            }
        }
        byte[] fitted = fit.labels(mask);
        assertEquals((byte) Scene.IGNORE, fitted[0], "the grey margin above");
        assertEquals((byte) Scene.IGNORE, fitted[49 * 50 + 49], "and below");
        assertEquals(0, fitted[20 * 50 + 10]);
        assertEquals(2, fitted[20 * 50 + 40]);

        RasterImage image = fit.image(new RasterImage(100, 50, 3, new byte[100 * 50 * 3]));
        assertEquals(50, image.width());
        assertEquals((byte) 128, image.pixels()[0], "the margin is grey");
        assertEquals(0, image.pixels()[(20 * 50 + 10) * 3], "the picture is black");
    }
}
