package io.transferbench.data.scenes;

import io.transferbench.data.images.RasterImage;

import java.util.Arrays;

/**
 * A user's picture of any size fitted whole into the model's square, and its annotations with it:
 * the geometry {@link RasterImage#fittedInto} uses (aspect kept, centred over grey), applied to a
 * label mask by nearest neighbour (the grey margin is {@link Scene#IGNORE}: neither background
 * nor object) and to boxes by the same scale and offset.
 */
record Letterbox(int size, int sourceWidth, int sourceHeight, int left, int top, int width, int height) {

    /** Mid grey: what the image datasets fit pictures over, and lay transparent ones on. */
    static final int GREY = 128;

    static Letterbox of(int sourceWidth, int sourceHeight, int size) {
        // fittedInto first halves large images; the fitted extent follows from the halved size.
        int w = sourceWidth;
        int h = sourceHeight;
        while (w >= 2 * size && h >= 2 * size) {
            w /= 2;
            h /= 2;
        }
        double scale = (double) size / Math.max(w, h);
        int fittedWidth = Math.max(1, (int) Math.round(w * scale));
        int fittedHeight = Math.max(1, (int) Math.round(h * scale));
        return new Letterbox(size, sourceWidth, sourceHeight, (size - fittedWidth) / 2, (size - fittedHeight) / 2,
                fittedWidth, fittedHeight);
    }

    RasterImage image(RasterImage source) {
        return source.fittedInto(size, GREY);
    }

    /** A label map of the source's size (one byte per pixel, row-major), fitted: nearest neighbour, margin ignored. */
    byte[] labels(byte[] source) {
        byte[] out = new byte[size * size];
        Arrays.fill(out, (byte) Scene.IGNORE);
        for (int y = 0; y < height; y++) {
            int sy = nearest((y + 0.5) * sourceHeight / height - 0.5, sourceHeight);
            for (int x = 0; x < width; x++) {
                int sx = nearest((x + 0.5) * sourceWidth / width - 0.5, sourceWidth);
                out[(top + y) * size + left + x] = source[sy * sourceWidth + sx];
            }
        }
        return out;
    }

    /** A box {x0, y0, x1, y1} in source pixel edges, in the fitted square's; null when nothing of it is left. */
    double[] box(double x0, double y0, double x1, double y1) {
        double sx = (double) width / sourceWidth;
        double sy = (double) height / sourceHeight;
        double[] b = {left + clip(x0, sourceWidth) * sx, top + clip(y0, sourceHeight) * sy,
                left + clip(x1, sourceWidth) * sx, top + clip(y1, sourceHeight) * sy};
        return b[2] > b[0] && b[3] > b[1] ? b : null;
    }

    private static double clip(double v, int extent) {
        return Math.min(extent, Math.max(0, v));
    }

    private static int nearest(double v, int extent) {
        return (int) Math.min(extent - 1, Math.max(0, Math.round(v)));
    }
}
