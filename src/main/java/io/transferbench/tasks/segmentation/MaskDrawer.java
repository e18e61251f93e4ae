package io.transferbench.tasks.segmentation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import io.transferbench.tasks.ClassPalette;
import io.transferbench.tasks.Drawing;
import io.transferbench.tasks.PredictionDrawer;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Three panels per example: the image, the true mask over it, the predicted mask over it. Each
 * object class has its colour, laid at half opacity; the background is left clear and ignored
 * pixels of the true mask are shown white.
 */
final class MaskDrawer implements PredictionDrawer {

    private static final int IGNORED = 0xffffff;
    private static final int GAP = 4;

    private final List<String> classNames;

    MaskDrawer(List<String> classNames) {
        this.classNames = classNames;
    }

    @Override
    public List<Drawing> draw(List<BufferedImage> pictures, NDList targets, NDList predictions) {
        NDArray logits = predictions.singletonOrThrow();
        int h = (int) logits.getShape().get(2);
        int w = (int) logits.getShape().get(3);
        int[] predicted = logits.argMax(1).toType(DataType.INT32, false).toIntArray();
        int[] actual = targets.singletonOrThrow().toType(DataType.INT32, false).toIntArray();
        List<Drawing> drawings = new ArrayList<>();
        for (int i = 0; i < pictures.size(); i++) {
            BufferedImage image = pictures.get(i);
            if (image.getWidth() != w || image.getHeight() != h) {
                throw new IllegalArgumentException("picture " + image.getWidth() + "x" + image.getHeight()
                        + " for a " + w + "x" + h + " mask");
            }
            BufferedImage panels = new BufferedImage(3 * w + 2 * GAP, h, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = image.getRGB(x, y) & 0xffffff;
                    int p = i * w * h + y * w + x;
                    panels.setRGB(x, y, rgb);
                    panels.setRGB(w + GAP + x, y, overlay(rgb, actual[p]));
                    panels.setRGB(2 * (w + GAP) + x, y, overlay(rgb, predicted[p]));
                }
            }
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < GAP; x++) {
                    panels.setRGB(w + x, y, IGNORED);
                    panels.setRGB(2 * w + GAP + x, y, IGNORED);
                }
            }
            drawings.add(new Drawing(panels, "image, true mask, predicted mask", legend()));
        }
        return drawings;
    }

    private Map<String, String> legend() {
        Map<String, String> legend = new LinkedHashMap<>();
        for (int c = 1; c < classNames.size(); c++) {
            legend.put(classNames.get(c), ClassPalette.hex(ClassPalette.colour(c)));
        }
        legend.put("ignored (true mask)", ClassPalette.hex(IGNORED));
        return legend;
    }

    private static int overlay(int rgb, int label) {
        if (label == 0) {
            return rgb;
        }
        int colour = label == PixelCrossEntropy.IGNORE ? IGNORED : ClassPalette.colour(label);
        return mix(rgb >> 16, colour >> 16) << 16 | mix(rgb >> 8, colour >> 8) << 8 | mix(rgb, colour);
    }

    private static int mix(int a, int b) {
        return ((a & 0xff) + (b & 0xff)) / 2;
    }
}
