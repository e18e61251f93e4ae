package io.transferbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchPlanTest {

    private static int[] randomLengths(int n, long seed) {
        Random r = new Random(seed);
        return IntStream.range(0, n).map(i -> 2 + r.nextInt(63)).toArray();
    }

    @Test
    void setsOfOneShapeAreShuffledWithAFisherYatesDrawAndCutInOrder() {
        Random random = new Random(7);
        List<int[]> batches = BatchPlan.training(new SizedExamples(10, null), 3, random);
        // What the trainer drew before batches knew lengths: one shuffle, full batches, the rest left out.
        Random same = new Random(7);
        int[] order = IntStream.range(0, 10).toArray();
        for (int i = 9; i > 0; i--) {
            int j = same.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        assertEquals(3, batches.size());
        for (int b = 0; b < 3; b++) {
            assertArrayEquals(Arrays.copyOfRange(order, 3 * b, 3 * b + 3), batches.get(b));
        }
        assertEquals(same.nextInt(), random.nextInt(), "no further draws");
    }

    @Test
    void batchesOfVaryingLengthGroupSimilarLengthsAndStillChangeFromEpochToEpoch() {
        int n = 200;
        int batch = 8;
        int[] lengths = randomLengths(n, 3);
        SizedExamples set = new SizedExamples(n, lengths);
        Random random = new Random(1);
        List<int[]> first = BatchPlan.training(set, batch, random);
        List<int[]> second = BatchPlan.training(set, batch, random);

        assertEquals(n / batch, first.size());
        int[] seen = first.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        assertEquals(n, seen.length);
        assertEquals(n, Arrays.stream(seen).distinct().count(), "each example at most once an epoch");
        assertNotEquals(first.stream().map(Arrays::toString).toList(), second.stream().map(Arrays::toString).toList());

        long padded = first.stream().mapToLong(b -> (long) b.length * BatchPlan.paddedLength(set, b)).sum();
        long plain = BatchPlan.training(new SizedExamples(n, null), batch, new Random(1)).stream()
                .mapToLong(b -> (long) b.length * BatchPlan.longest(lengths, b)).sum();
        long real = Arrays.stream(lengths).sum();
        assertTrue(padded < plain, "bucketed batches pad less: " + padded + " vs " + plain);
        assertTrue(padded - real < (plain - real) / 3, "at most a third of the padding: " + (padded - real)
                + " vs " + (plain - real));
        assertEquals(first.stream().map(Arrays::toString).toList(),
                BatchPlan.training(set, batch, new Random(1)).stream().map(Arrays::toString).toList(), "seeded");
    }

    @Test
    void evaluationTakesEveryExampleOnceShortestFirstWhereLengthsVaryAndInOrderOtherwise() {
        int[] lengths = {5, 3, 9, 3, 1};
        List<int[]> byLength = BatchPlan.evaluation(new SizedExamples(5, lengths), 2);
        assertEquals(List.of("[4, 1]", "[3, 0]", "[2]"), byLength.stream().map(Arrays::toString).toList());
        assertEquals(List.of(3, 5, 9), byLength.stream().map(b -> BatchPlan.paddedLength(new SizedExamples(5, lengths), b))
                .toList());
        assertEquals(List.of("[0, 1]", "[2, 3]", "[4]"),
                BatchPlan.evaluation(new SizedExamples(5, null), 2).stream().map(Arrays::toString).toList());
        assertEquals(BatchPlan.FIXED_SHAPE, BatchPlan.paddedLength(new SizedExamples(5, null), new int[] {0, 1}));
    }
}
