package io.transferbench.data;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stratified splits: every class in every split in proportion, groups whole, limits proportional. */
class SplitPlanTest {

    /** Unbalanced classes: class c has 10 * (c + 1) groups of two examples each. */
    private static final List<String> keys = new ArrayList<>();
    private static final int[] labels;

    static {
        List<Integer> y = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            for (int g = 0; g < 10 * (c + 1); g++) {
                keys.add("c" + c + "g" + g);
                keys.add("c" + c + "g" + g);
                y.add(c);
                y.add(c);
            }
        }
        labels = y.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void everyClassIsSplitInProportionAndNoGroupIsCut() {
        SplitPlan plan = SplitPlan.stratified(keys, labels, 0.2, 0.2, 7, null);
        assertEquals(keys.size(), plan.train().length + plan.val().length + plan.test().length);
        for (int c = 0; c < 3; c++) {
            int groups = 10 * (c + 1);
            assertEquals(2 * Math.round(groups * 0.2), count(plan.val(), c), "val of class " + c);
            assertEquals(2 * Math.round(groups * 0.2), count(plan.test(), c), "test of class " + c);
        }
        Map<String, String> splitOfGroup = new HashMap<>();
        String[] names = {"train", "val", "test"};
        int[][] splits = {plan.train(), plan.val(), plan.test()};
        for (int s = 0; s < 3; s++) {
            for (int i : splits[s]) {
                String previous = splitOfGroup.putIfAbsent(keys.get(i), names[s]);
                assertTrue(previous == null || previous.equals(names[s]), keys.get(i) + " in " + previous + " and " + names[s]);
            }
        }
    }

    @Test
    void aClassWithThreeGroupsStillReachesValidationAndTest() {
        List<String> few = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "x", "y", "z");
        int[] y = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1};
        SplitPlan plan = SplitPlan.stratified(few, y, 0.15, 0.15, 1, null);
        assertEquals(1, count(plan.val(), 1, y));
        assertEquals(1, count(plan.test(), 1, y));
        assertEquals(1, count(plan.train(), 1, y));
    }

    @Test
    void limitKeepsClassProportionsAndIsDeterministic() {
        SplitPlan plan = SplitPlan.stratified(keys, labels, 0.2, 0.2, 7, 30);
        assertEquals(30, plan.train().length);
        assertEquals(5, count(plan.train(), 0));
        assertEquals(10, count(plan.train(), 1));
        assertEquals(15, count(plan.train(), 2));
        assertArrayEquals(plan.train(), SplitPlan.stratified(keys, labels, 0.2, 0.2, 7, 30).train());
        assertTrue(IntStream.range(1, plan.train().length).allMatch(i -> plan.train()[i - 1] < plan.train()[i]));
        assertEquals(Map.of("train", 30L, "val", 24L, "test", 24L, "train.a", 5L, "train.b", 10L, "train.c", 15L),
                plan.counts(labels, List.of("a", "b", "c")));
    }

    @Test
    void examplesSharingAnyKeyFormOneGroup() {
        ExampleGroups groups = new ExampleGroups();
        groups.add("item:a", "pixels:1");
        groups.add("item:b", "pixels:2");
        groups.add("item:c", "pixels:1");
        groups.add("item:b", "pixels:3");
        List<String> names = groups.names();
        assertEquals(names.get(0), names.get(2));
        assertEquals(names.get(1), names.get(3));
        assertNotEquals(names.get(0), names.get(1));
    }

    private static long count(int[] rows, int label) {
        return count(rows, label, labels);
    }

    private static long count(int[] rows, int label, int[] y) {
        return Arrays.stream(rows).filter(i -> y[i] == label).count();
    }
}
