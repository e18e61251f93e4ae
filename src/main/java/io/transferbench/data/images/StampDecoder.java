package io.transferbench.data.images;

import javax.imageio.ImageIO;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decodes a Tux Paint stamp (a PNG cut-out with transparency), lays it over a neutral grey so
 * that no class is recognisable from its background, and fits it into the model's square.
 */
final class StampDecoder {

    /** Mid grey: neither the white nor the black of any stamp's own outline. */
    static final int BACKGROUND = 128;

    private StampDecoder() {
    }

    /** The composited, fitted RGB image, or empty when the file is not a readable image. */
    static Optional<RasterImage> decode(Path file, int size) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            // ImageIO reports corrupt data as IIOException, and some malformed chunks as runtime errors.
            return Optional.empty();
        }
        if (image == null) {
            return Optional.empty();
        }
        return Optional.of(composite(image).fittedInto(size, BACKGROUND));
    }

    static RasterImage composite(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] rgb = new byte[w * h * 3];
        boolean grey = image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && !(image.getColorModel() instanceof IndexColorModel);
        if (grey) {
            // getRGB would convert Java's linear grey space to sRGB and brighten every pixel.
            Raster raster = image.getRaster();
            int max = (1 << image.getColorModel().getComponentSize(0)) - 1;
            boolean alpha = raster.getNumBands() > 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int v = raster.getSample(x, y, 0) * 255 / max;
                    int a = alpha ? raster.getSample(x, y, 1) * 255 / max : 255;
                    byte c = over(v, a);
                    int at = (y * w + x) * 3;
                    rgb[at] = c;
                    rgb[at + 1] = c;
                    rgb[at + 2] = c;
                }
            }
        } else {
            int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
            for (int i = 0; i < argb.length; i++) {
                int a = argb[i] >>> 24;
                rgb[3 * i] = over((argb[i] >> 16) & 0xff, a);
                rgb[3 * i + 1] = over((argb[i] >> 8) & 0xff, a);
                rgb[3 * i + 2] = over(argb[i] & 0xff, a);
            }
        }
        return new RasterImage(w, h, 3, rgb);
    }

    /** A channel value of opacity {@code alpha} laid over the background. */
    private static byte over(int value, int alpha) {
        return (byte) ((value * alpha + BACKGROUND * (255 - alpha) + 127) / 255);
    }
}
