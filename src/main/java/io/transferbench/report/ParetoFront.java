package io.transferbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The configurations worth their cost: those no other configuration beats on quality at the same
 * or lower cost (wall time, memory). Everything off the front is dominated.
 */
public final class ParetoFront {

    private ParetoFront() {}

    /**
     * The non-dominated items, cheapest first. Items whose cost or quality is not a number are
     * left out; of exact ties, the first one is kept.
     */
    public static <T> List<T> of(List<T> items, ToDoubleFunction<T> cost, ToDoubleFunction<T> quality,
                                 boolean higherIsBetter) {
        ToDoubleFunction<T> goodness = higherIsBetter ? quality : t -> -quality.applyAsDouble(t);
        List<T> sorted = items.stream()
                .filter(t -> Double.isFinite(cost.applyAsDouble(t)) && Double.isFinite(quality.applyAsDouble(t)))
                .sorted(Comparator.comparingDouble(cost).thenComparing(Comparator.comparingDouble(goodness).reversed()))
                .toList();
        List<T> front = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (T t : sorted) {
            double g = goodness.applyAsDouble(t);
            if (g > best) {
                front.add(t);
                best = g;
            }
        }
        return front;
    }
}
