package io.transferbench.tasks.segmentation;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.transferbench.tasks.Drawing;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Masks drawn over their image: background clear, classes in their colour at half opacity, ignore white. */
class MaskDrawerTest {

    @Test
    void truthAndPredictionAreLaidOverTheImageSideBySide() {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x102030);
        image.setRGB(1, 0, 0x000000);
        try (NDManager manager = NDManager.newBaseManager()) {
            // Pixel 0 is truly background and predicted class 2; pixel 1 is ignored and predicted class 1.
            float[] logits = {
                0, 0,   // class 0
                0, 5,   // class 1
                5, 0};  // class 2
            NDList predictions = new NDList(manager.create(logits, new Shape(1, 3, 1, 2)));
            NDList targets = new NDList(manager.create(new int[] {0, 255}, new Shape(1, 1, 2)));
            List<Drawing> drawings = new MaskDrawer(List.of("background", "cat", "dog"))
                    .draw(List.of(image), targets, predictions);
            BufferedImage panels = drawings.get(0).image();
            assertEquals(3 * 2 + 2 * 4, panels.getWidth());
            int truth = 2 + 4;
            int predicted = 2 * (2 + 4);
            assertEquals(0x102030, panels.getRGB(0, 0) & 0xffffff, "the image itself");
            assertEquals(0x102030, panels.getRGB(truth, 0) & 0xffffff, "background left clear");
            assertEquals(0x7f7f7f, panels.getRGB(truth + 1, 0) & 0xffffff, "ignored: half white over black");
            int dog = io.transferbench.tasks.ClassPalette.colour(2);
            int expected = ((0x10 + (dog >> 16 & 0xff)) / 2) << 16 | ((0x20 + (dog >> 8 & 0xff)) / 2) << 8
                    | (0x30 + (dog & 0xff)) / 2;
            assertEquals(expected, panels.getRGB(predicted, 0) & 0xffffff, "predicted dog over the image");
            assertEquals(List.of("cat", "dog", "ignored (true mask)"), List.copyOf(drawings.get(0).legend().keySet()));
        }
    }
}
