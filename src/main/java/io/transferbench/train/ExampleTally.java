package io.transferbench.train;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * How many examples ran in batches of each shape: a padded length
 * ({@link io.transferbench.data.BatchPlan#FIXED_SHAPE} for sets of one shape), or for training
 * also the stages a step ran forward and backward. A per-example cost that depends on the shape
 * (FLOPs) is then averaged over the batches that really ran.
 */
final class ExampleTally<K> {

    private final Map<K, Long> examples = new HashMap<>();

    void add(K shape, long count) {
        examples.merge(shape, count, Long::sum);
    }

    /** The mean of {@code perExample} over the examples counted, rounded; {@code whenEmpty} if none were. */
    long mean(ToLongFunction<K> perExample, long whenEmpty) {
        long count = 0;
        double sum = 0;
        for (Map.Entry<K, Long> e : examples.entrySet()) {
            count += e.getValue();
            sum += (double) perExample.applyAsLong(e.getKey()) * e.getValue();
        }
        return count == 0 ? whenEmpty : Math.round(sum / count);
    }
}
