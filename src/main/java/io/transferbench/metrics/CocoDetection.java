package io.transferbench.metrics;

/**
 * A scored detection in pycocotools' box convention (left, top, width, height). Its area, which
 * only decides whether an unmatched detection falls outside an area range, is width x height, as
 * pycocotools' {@code loadRes} sets it for boxes.
 */
public record CocoDetection(int category, double x, double y, double width, double height, double score) {

    /** A detection from corners {x0, y0, x1, y1}. */
    public static CocoDetection ofCorners(int category, double[] corners, double score) {
        return new CocoDetection(category, corners[0], corners[1], corners[2] - corners[0], corners[3] - corners[1], score);
    }

    double area() {
        return width * height;
    }
}
