package io.transferbench.data.scenes;

import io.transferbench.data.images.RgbaPixels;

/**
 * An object to paste: RGB with its alpha, cropped to its opaque part so that a scale applies to
 * the object, not to the transparent margin around it.
 *
 * @param rgb interleaved RGB, not premultiplied
 * @param alpha opacity per pixel, 0..255
 * @param category index into the category names of the set the cut-out came from
 * @param item the stamp it shows; variants of one stamp share it, and so a split
 */
public record Cutout(int width, int height, byte[] rgb, byte[] alpha, int category, String item) {

    public Cutout {
        if (width < 1 || height < 1 || rgb.length != width * height * 3 || alpha.length != width * height
                || category < 0) {
            throw new IllegalArgumentException(width + "x" + height + " cut-out of category " + category + " with "
                    + rgb.length + " RGB and " + alpha.length + " alpha bytes");
        }
    }

    /** The opaque part of {@code pixels} (alpha above 0), or null when nothing is opaque. */
    static Cutout cropped(RgbaPixels pixels, int category, String item) {
        int w = pixels.width();
        int x0 = w;
        int y0 = pixels.height();
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < pixels.height(); y++) {
            for (int x = 0; x < w; x++) {
                if (pixels.alpha()[y * w + x] != 0) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        if (x1 < 0) {
            return null;
        }
        int cw = x1 - x0 + 1;
        int ch = y1 - y0 + 1;
        byte[] rgb = new byte[cw * ch * 3];
        byte[] alpha = new byte[cw * ch];
        for (int y = 0; y < ch; y++) {
            System.arraycopy(pixels.rgb(), ((y0 + y) * w + x0) * 3, rgb, y * cw * 3, cw * 3);
            System.arraycopy(pixels.alpha(), (y0 + y) * w + x0, alpha, y * cw, cw);
        }
        return new Cutout(cw, ch, rgb, alpha, category, item);
    }

    /** The opacity 0..255 at column {@code x}, row {@code y}. */
    int alphaAt(int x, int y) {
        return alpha[y * width + x] & 0xff;
    }

    /** Channel {@code c} at column {@code x}, row {@code y}. */
    int rgbAt(int x, int y, int c) {
        return rgb[(y * width + x) * 3 + c] & 0xff;
    }

    /**
     * Half the size, each pixel the mean of a 2x2 block weighted by opacity, so that the colour
     * of transparent pixels (often black or white in the files) never bleeds into the edge.
     */
    Cutout halved() {
        int w = Math.max(1, width / 2);
        int h = Math.max(1, height / 2);
        byte[] outRgb = new byte[w * h * 3];
        byte[] outAlpha = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sx = Math.min(2 * x + 1, width - 1);
                int sy = Math.min(2 * y + 1, height - 1);
                int[] xs = {2 * x, sx, 2 * x, sx};
                int[] ys = {2 * y, 2 * y, sy, sy};
                int alphaSum = 0;
                int[] weighted = new int[3];
                for (int k = 0; k < 4; k++) {
                    int a = alphaAt(xs[k], ys[k]);
                    alphaSum += a;
                    for (int c = 0; c < 3; c++) {
                        weighted[c] += a * rgbAt(xs[k], ys[k], c);
                    }
                }
                outAlpha[y * w + x] = (byte) ((alphaSum + 2) / 4);
                for (int c = 0; c < 3; c++) {
                    outRgb[(y * w + x) * 3 + c] = (byte) (alphaSum == 0 ? 0 : (weighted[c] + alphaSum / 2) / alphaSum);
                }
            }
        }
        return new Cutout(w, h, outRgb, outAlpha, category, item);
    }
}
