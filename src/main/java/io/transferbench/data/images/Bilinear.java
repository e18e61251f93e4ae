package io.transferbench.data.images;

/**
 * Bilinear resampling with pixel centres at half-integers (as PyTorch's
 * {@code align_corners=False} and PIL do), clamped at the borders.
 */
public final class Bilinear {

    private Bilinear() {
    }

    /** Channel {@code c} of {@code image} at the continuous position ({@code x}, {@code y}). */
    public static float sample(RasterImage image, double x, double y, int c) {
        double cx = Math.min(Math.max(x, 0), image.width() - 1);
        double cy = Math.min(Math.max(y, 0), image.height() - 1);
        int x0 = (int) cx;
        int y0 = (int) cy;
        int x1 = Math.min(x0 + 1, image.width() - 1);
        int y1 = Math.min(y0 + 1, image.height() - 1);
        float fx = (float) (cx - x0);
        float fy = (float) (cy - y0);
        float top = image.at(x0, y0, c) * (1 - fx) + image.at(x1, y0, c) * fx;
        float bottom = image.at(x0, y1, c) * (1 - fx) + image.at(x1, y1, c) * fx;
        return top * (1 - fy) + bottom * fy;
    }

    /**
     * Draws {@code window} of {@code image}, scaled to {@code size x size} and mirrored left to
     * right if asked, into {@code out} from {@code offset} as three planes (C, H, W) of values
     * 0..255; a grey image fills all three.
     */
    public static void draw(RasterImage image, CropWindow window, boolean mirror, int size, float[] out, int offset) {
        int plane = size * size;
        double stepX = window.width() / size;
        double stepY = window.height() / size;
        for (int oy = 0; oy < size; oy++) {
            double sy = window.y() + (oy + 0.5) * stepY - 0.5;
            for (int ox = 0; ox < size; ox++) {
                double sx = window.x() + ((mirror ? size - 1 - ox : ox) + 0.5) * stepX - 0.5;
                int at = offset + oy * size + ox;
                if (image.channels() == 1) {
                    float v = sample(image, sx, sy, 0);
                    out[at] = v;
                    out[at + plane] = v;
                    out[at + 2 * plane] = v;
                } else {
                    for (int c = 0; c < 3; c++) {
                        out[at + c * plane] = sample(image, sx, sy, c);
                    }
                }
            }
        }
    }
}
