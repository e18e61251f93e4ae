package io.transferbench.train;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntToLongFunction;

/**
 * How many examples ran in batches of each padded length ({@link io.transferbench.data.BatchPlan#FIXED_SHAPE}
 * for sets of one shape), so that a per-example cost that depends on the length (FLOPs) is
 * averaged over the batches that really ran.
 */
final class PaddedLengths {

    private final Map<Integer, Long> examples = new TreeMap<>();

    void add(int paddedLength, long count) {
        examples.merge(paddedLength, count, Long::sum);
    }

    /** The mean of {@code perExample} over the examples counted, rounded; {@code whenEmpty} if none were. */
    long mean(IntToLongFunction perExample, long whenEmpty) {
        long count = 0;
        double sum = 0;
        for (Map.Entry<Integer, Long> e : examples.entrySet()) {
            count += e.getValue();
            sum += (double) perExample.applyAsLong(e.getKey()) * e.getValue();
        }
        return count == 0 ? whenEmpty : Math.round(sum / count);
    }
}
