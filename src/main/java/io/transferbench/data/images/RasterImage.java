package io.transferbench.data.images;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An 8-bit image as read from its file: rows of interleaved channels, 1 (grey) or 3 (RGB).
 * Images stay in this compact form on the host; each batch resamples them to the model's size.
 */
public record RasterImage(int width, int height, int channels, byte[] pixels) {

    public RasterImage {
        if (width < 1 || height < 1 || (channels != 1 && channels != 3)
                || pixels.length != width * height * channels) {
            throw new IllegalArgumentException(width + "x" + height + "x" + channels + " image with "
                    + pixels.length + " bytes");
        }
    }

    /** The value 0..255 of channel {@code c} at column {@code x}, row {@code y}. */
    public int at(int x, int y, int c) {
        return pixels[(y * width + x) * channels + c] & 0xff;
    }

    /** This image as Java2D holds it, for drawing and writing as PNG. */
    public java.awt.image.BufferedImage toBufferedImage() {
        java.awt.image.BufferedImage out = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = at(x, y, 0);
                int g = channels == 3 ? at(x, y, 1) : r;
                int b = channels == 3 ? at(x, y, 2) : r;
                out.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return out;
    }

    /** Identifies the content, so that the same picture filed twice is recognised. */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(new byte[] {(byte) channels, (byte) (width >> 8), (byte) width, (byte) (height >> 8),
                (byte) height});
            return HexFormat.of().formatHex(sha.digest(pixels));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * This image scaled so that its longer side is {@code size}, centred on a square canvas of
     * grey {@code background}. Large reductions halve with a 2x2 box filter first, so that the
     * final bilinear step never skips source pixels (no aliasing).
     */
    public RasterImage fittedInto(int size, int background) {
        RasterImage source = this;
        while (source.width >= 2 * size && source.height >= 2 * size) {
            source = source.halved();
        }
        double scale = (double) size / Math.max(source.width, source.height);
        int w = Math.max(1, (int) Math.round(source.width * scale));
        int h = Math.max(1, (int) Math.round(source.height * scale));
        byte[] canvas = new byte[size * size * channels];
        java.util.Arrays.fill(canvas, (byte) background);
        int left = (size - w) / 2;
        int top = (size - h) / 2;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < channels; c++) {
                    float v = Bilinear.sample(source, (x + 0.5) * source.width / w - 0.5,
                            (y + 0.5) * source.height / h - 0.5, c);
                    canvas[((top + y) * size + left + x) * channels + c] = (byte) Math.round(v);
                }
            }
        }
        return new RasterImage(size, size, channels, canvas);
    }

    /** Half the size, each pixel the rounded mean of a 2x2 block: the alias-free first step of a reduction. */
    public RasterImage halved() {
        int w = width / 2;
        int h = height / 2;
        byte[] out = new byte[w * h * channels];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < channels; c++) {
                    int sum = at(2 * x, 2 * y, c) + at(2 * x + 1, 2 * y, c) + at(2 * x, 2 * y + 1, c)
                            + at(2 * x + 1, 2 * y + 1, c);
                    out[(y * w + x) * channels + c] = (byte) ((sum + 2) / 4);
                }
            }
        }
        return new RasterImage(w, h, channels, out);
    }
}
