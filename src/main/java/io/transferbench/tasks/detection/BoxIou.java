package io.transferbench.tasks.detection;

/**
 * Intersection over union of boxes stored four floats each, corners {x0, y0, x1, y1} (x first, as
 * {@code ViewGeometry.mapBox} gives them), areas without any "+1": the convention of torchvision's
 * {@code box_iou} and of pycocotools.
 */
final class BoxIou {

    private BoxIou() {
    }

    static float area(float[] boxes, int i) {
        return Math.max(0, boxes[4 * i + 2] - boxes[4 * i]) * Math.max(0, boxes[4 * i + 3] - boxes[4 * i + 1]);
    }

    /** IoU of box {@code i} of {@code a} with box {@code j} of {@code b}; 0 when they do not overlap. */
    static float iou(float[] a, int i, float[] b, int j) {
        float w = Math.min(a[4 * i + 2], b[4 * j + 2]) - Math.max(a[4 * i], b[4 * j]);
        float h = Math.min(a[4 * i + 3], b[4 * j + 3]) - Math.max(a[4 * i + 1], b[4 * j + 1]);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        float inter = w * h;
        return inter / (area(a, i) + area(b, j) - inter);
    }

    /** [rows of a][columns of b]. */
    static float[][] matrix(float[] a, float[] b) {
        int n = a.length / 4;
        int m = b.length / 4;
        float[][] out = new float[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                out[i][j] = iou(a, i, b, j);
            }
        }
        return out;
    }
}
