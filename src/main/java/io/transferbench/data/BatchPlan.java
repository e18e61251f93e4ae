package io.transferbench.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Which examples go into which batch. Sets of one input shape are batched in a seeded shuffle
 * (training) or in order (evaluation). Sets whose examples differ in length ({@link
 * ExampleSet#lengths()}) pad each batch to its longest example, so batches are formed from
 * examples of similar length: evaluation sorts the whole set by length; training sorts each
 * pool of {@value #POOL_BATCHES} batches' worth of the shuffled examples by length, cuts it into
 * batches, and shuffles the order of all batches, so that every epoch still mixes examples
 * (the "bucketing" of AllenNLP and Hugging Face's {@code group_by_length}).
 */
public final class BatchPlan {

    /** The padded length of batches of a set of one input shape: whatever shape the model was built for. */
    public static final int FIXED_SHAPE = -1;

    /** Batches' worth of shuffled examples sorted by length together: larger pads less, smaller mixes more. */
    static final int POOL_BATCHES = 8;

    private BatchPlan() {}

    /**
     * One epoch's training batches of {@code batch} examples, drawn with {@code random}; the
     * examples left over after the last full batch sit this epoch out.
     */
    public static List<int[]> training(ExampleSet set, int batch, Random random) {
        int[] order = permutation(set.size(), random);
        int steps = set.size() / batch;
        int[] lengths = set.lengths().orElse(null);
        if (lengths != null) {
            int pool = POOL_BATCHES * batch;
            for (int from = 0; from < steps * batch; from += pool) {
                sortByLength(order, from, Math.min(from + pool, steps * batch), lengths);
            }
        }
        List<int[]> batches = cut(order, steps * batch, batch);
        if (lengths != null) {
            java.util.Collections.shuffle(batches, random);
        }
        return batches;
    }

    /** Every example once, in batches of at most {@code batch}: in order, or by length where lengths vary. */
    public static List<int[]> evaluation(ExampleSet set, int batch) {
        int[] order = IntStream.range(0, set.size()).toArray();
        set.lengths().ifPresent(lengths -> sortByLength(order, 0, order.length, lengths));
        return cut(order, order.length, batch);
    }

    /** The length the batch of {@code indices} is padded to: its longest example's, or {@link #FIXED_SHAPE}. */
    public static int paddedLength(ExampleSet set, int[] indices) {
        return set.lengths().map(lengths -> longest(lengths, indices)).orElse(FIXED_SHAPE);
    }

    /** The longest of {@code lengths} at {@code indices}. */
    public static int longest(int[] lengths, int[] indices) {
        int max = 0;
        for (int i : indices) {
            max = Math.max(max, lengths[i]);
        }
        return max;
    }

    /** A Fisher-Yates shuffle of {@code 0..n-1}. */
    private static int[] permutation(int n, Random random) {
        int[] order = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Sorts {@code order[from, to)} by length, stably, so that ties keep their shuffled order. */
    private static void sortByLength(int[] order, int from, int to, int[] lengths) {
        Integer[] part = Arrays.stream(order, from, to).boxed().toArray(Integer[]::new);
        Arrays.sort(part, Comparator.comparingInt(i -> lengths[i]));
        for (int k = 0; k < part.length; k++) {
            order[from + k] = part[k];
        }
    }

    private static List<int[]> cut(int[] order, int count, int batch) {
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < count; from += batch) {
            batches.add(Arrays.copyOfRange(order, from, Math.min(count, from + batch)));
        }
        return batches;
    }
}
