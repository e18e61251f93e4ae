package io.transferbench.metrics;

import java.util.Map;

/**
 * The twelve numbers of pycocotools' {@code COCOeval.summarize()} for boxes, in its order, plus AP
 * per category. A value is -1 where pycocotools prints -1: no ground truth in that area range (so
 * nothing to average). {@code perCategoryAp} holds only the categories with ground truth, in
 * ascending category order; the others are left out of every mean, as pycocotools leaves them.
 */
public record CocoSummary(double map, double map50, double map75, double mapSmall, double mapMedium,
        double mapLarge, double mar1, double mar10, double mar100, double marSmall, double marMedium,
        double marLarge, Map<Integer, Double> perCategoryAp) {

    /** The twelve in {@code COCOeval.stats} order. */
    public double[] stats() {
        return new double[] {map, map50, map75, mapSmall, mapMedium, mapLarge, mar1, mar10, mar100, marSmall,
                marMedium, marLarge};
    }
}
