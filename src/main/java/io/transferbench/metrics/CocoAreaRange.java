package io.transferbench.metrics;

/**
 * COCO's object size classes by ground-truth area, both ends inclusive as pycocotools compares
 * them (an area of exactly 32^2 is both small and medium).
 */
enum CocoAreaRange {
    ALL(0, 1e10),
    SMALL(0, 32 * 32),
    MEDIUM(32 * 32, 96 * 96),
    LARGE(96 * 96, 1e10);

    final double min;
    final double max;

    CocoAreaRange(double min, double max) {
        this.min = min;
        this.max = max;
    }

    boolean excludes(double area) {
        return area < min || area > max;
    }
}
