package io.transferbench.data.images;

/**
 * Where a model input came from in its source image: the crop window, whether it was mirrored left
 * to right, and the output side. Targets of the image (a class mask, boxes) apply the same
 * geometry, so they stay aligned with the pixels the model sees.
 */
public record ViewGeometry(CropWindow window, boolean mirror, int size) {

    /** The whole image, unmirrored, at {@code size}: the view of an evaluation input. */
    public static ViewGeometry whole(RasterImage image, int size) {
        return new ViewGeometry(CropWindow.whole(image), false, size);
    }

    /**
     * Samples a label map of {@code width x height} (one byte per pixel, row-major) at this view's
     * output pixels into {@code out} from {@code offset}. Nearest neighbour, at the same pixel
     * centres {@link Bilinear#draw} samples the image at, because labels must not be blended.
     */
    public void drawLabels(byte[] labels, int width, int height, byte[] out, int offset) {
        double stepX = window.width() / size;
        double stepY = window.height() / size;
        for (int oy = 0; oy < size; oy++) {
            int sy = nearest(window.y() + (oy + 0.5) * stepY - 0.5, height);
            for (int ox = 0; ox < size; ox++) {
                int sx = nearest(window.x() + ((mirror ? size - 1 - ox : ox) + 0.5) * stepX - 0.5, width);
                out[offset + oy * size + ox] = labels[sy * width + sx];
            }
        }
    }

    /**
     * A box {x0, y0, x1, y1} in source pixel edges as it lies in the output, clipped to it; null
     * when nothing of it is left in the view.
     */
    public double[] mapBox(double[] box) {
        double sx = size / window.width();
        double sy = size / window.height();
        double x0 = (box[0] - window.x()) * sx;
        double x1 = (box[2] - window.x()) * sx;
        if (mirror) {
            double left = size - x1;
            x1 = size - x0;
            x0 = left;
        }
        double[] mapped = {clip(x0), clip((box[1] - window.y()) * sy), clip(x1), clip((box[3] - window.y()) * sy)};
        return mapped[2] > mapped[0] && mapped[3] > mapped[1] ? mapped : null;
    }

    private double clip(double v) {
        return Math.min(size, Math.max(0, v));
    }

    private static int nearest(double v, int extent) {
        return (int) Math.min(extent - 1, Math.max(0, Math.round(v)));
    }
}
