package io.transferbench.metrics;

/**
 * A ground-truth object as COCO's evaluation sees it: a box in pycocotools' convention (left, top,
 * width, height; no "+1" anywhere), the area that sorts it into small/medium/large, and the crowd
 * flag. COCO takes the area from the annotation, not from the box (for COCO itself it is the
 * segment's area), so it is given separately; {@link #ofCorners} uses the box's own area.
 */
public record CocoTruth(int category, double x, double y, double width, double height, double area, boolean crowd) {

    /** A non-crowd object from corners {x0, y0, x1, y1}, its area the box's. */
    public static CocoTruth ofCorners(int category, double[] corners) {
        double w = corners[2] - corners[0];
        double h = corners[3] - corners[1];
        return new CocoTruth(category, corners[0], corners[1], w, h, w * h, false);
    }
}
