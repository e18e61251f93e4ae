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
 * A decoded image with its transparency, as interleaved RGB bytes plus one alpha byte per pixel
 * (255 where the file has no alpha). Shared by the stamps composited over grey and the cut-outs
 * pasted into scenes, so both read a file's pixels identically.
 */
public record RgbaPixels(int width, int height, byte[] rgb, byte[] alpha) {

    public RgbaPixels {
        if (width < 1 || height < 1 || rgb.length != width * height * 3 || alpha.length != width * height) {
            throw new IllegalArgumentException(width + "x" + height + " image with " + rgb.length + " RGB and "
                    + alpha.length + " alpha bytes");
        }
    }

    /** The pixels of {@code file}, or empty when it is not a readable image. */
    public static Optional<RgbaPixels> read(Path file) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            // ImageIO reports corrupt data as IIOException, and some malformed chunks as runtime errors.
            return Optional.empty();
        }
        return image == null ? Optional.empty() : Optional.of(of(image));
    }

    public static RgbaPixels of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] rgb = new byte[w * h * 3];
        byte[] alpha = new byte[w * h];
        boolean grey = image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && !(image.getColorModel() instanceof IndexColorModel);
        if (grey) {
            // getRGB would convert Java's linear grey space to sRGB and brighten every pixel.
            Raster raster = image.getRaster();
            int max = (1 << image.getColorModel().getComponentSize(0)) - 1;
            boolean hasAlpha = raster.getNumBands() > 1;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = y * w + x;
                    byte v = (byte) (raster.getSample(x, y, 0) * 255 / max);
                    rgb[3 * i] = v;
                    rgb[3 * i + 1] = v;
                    rgb[3 * i + 2] = v;
                    alpha[i] = (byte) (hasAlpha ? raster.getSample(x, y, 1) * 255 / max : 255);
                }
            }
        } else {
            int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
            for (int i = 0; i < argb.length; i++) {
                alpha[i] = (byte) (argb[i] >>> 24);
                rgb[3 * i] = (byte) (argb[i] >> 16);
                rgb[3 * i + 1] = (byte) (argb[i] >> 8);
                rgb[3 * i + 2] = (byte) argb[i];
            }
        }
        return new RgbaPixels(w, h, rgb, alpha);
    }

    /** This image laid over a uniform grey {@code background}: opaque RGB. */
    public RasterImage over(int background) {
        byte[] out = new byte[rgb.length];
        for (int i = 0; i < out.length; i++) {
            int a = alpha[i / 3] & 0xff;
            out[i] = (byte) (((rgb[i] & 0xff) * a + background * (255 - a) + 127) / 255);
        }
        return new RasterImage(width, height, 3, out);
    }
}
