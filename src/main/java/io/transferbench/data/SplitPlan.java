package io.transferbench.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Deterministic train/val/test assignment. Each example belongs to a group (a document, a
 * message id, a speaker); a group's split is decided by a hash of the group key and the split
 * seed, so a group never lands in two splits and adding examples never moves existing ones.
 * {@code limit} then takes a seeded random subset of the training split only.
 */
public record SplitPlan(int[] train, int[] val, int[] test) {

    /** Positions of the splits in {@link #stratified}'s working lists. */
    private static final int TRAIN = 0;
    private static final int VAL = 1;
    private static final int TEST = 2;

    public static SplitPlan of(List<String> groupKeys, double valFraction, double testFraction,
                               long splitSeed, Integer limit) {
        List<Integer> train = new ArrayList<>();
        List<Integer> val = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int i = 0; i < groupKeys.size(); i++) {
            double u = unitHash(groupKeys.get(i), splitSeed);
            (u < testFraction ? test : u < testFraction + valFraction ? val : train).add(i);
        }
        if (limit != null && train.size() > limit) {
            Collections.shuffle(train, new Random(splitSeed));
            train = new ArrayList<>(train.subList(0, limit));
            Collections.sort(train);
        }
        return new SplitPlan(toArray(train), toArray(val), toArray(test));
    }

    /**
     * Like {@link #of}, but each class is split on its own, so that every split holds each class
     * in proportion, and a class with at least three groups has at least one in validation and
     * one in test (small classes of an unbalanced dataset would otherwise often miss a split).
     * Within a class, groups are ranked by the same hash; a group's class is its first example's.
     * {@code limit} keeps the class proportions of the training split too.
     */
    public static SplitPlan stratified(List<String> groupKeys, int[] labels, double valFraction,
                                       double testFraction, long splitSeed, Integer limit) {
        Map<Integer, List<String>> groupsOfClass = new TreeMap<>();
        Map<String, Integer> classOfGroup = new HashMap<>();
        for (int i = 0; i < groupKeys.size(); i++) {
            String key = groupKeys.get(i);
            if (classOfGroup.putIfAbsent(key, labels[i]) == null) {
                groupsOfClass.computeIfAbsent(labels[i], c -> new ArrayList<>()).add(key);
            }
        }
        Map<String, Double> rank = new HashMap<>();
        classOfGroup.keySet().forEach(g -> rank.put(g, unitHash(g, splitSeed)));
        Map<String, Integer> splitOfGroup = new HashMap<>();
        for (List<String> groups : groupsOfClass.values()) {
            groups.sort(Comparator.comparingDouble((String g) -> rank.get(g)).thenComparing(g -> g));
            int n = groups.size();
            int test = share(n, testFraction);
            int val = Math.min(share(n, valFraction), Math.max(0, n - test - 1));
            for (int r = 0; r < n; r++) {
                splitOfGroup.put(groups.get(r), r < test ? TEST : r < test + val ? VAL : TRAIN);
            }
        }
        List<List<Integer>> splits = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < groupKeys.size(); i++) {
            splits.get(splitOfGroup.get(groupKeys.get(i))).add(i);
        }
        List<Integer> train = splits.get(TRAIN);
        if (limit != null && train.size() > limit) {
            train = proportionalSubset(train, labels, limit, splitSeed);
        }
        return new SplitPlan(toArray(train), toArray(splits.get(VAL)), toArray(splits.get(TEST)));
    }

    /**
     * The splits a dataset's files already name ({@link Assigned}), kept as given. Where none is
     * named validation, it is drawn from the given training examples like {@link #stratified}
     * draws it; {@code limit} then cuts the training split, keeping class proportions.
     */
    public static SplitPlan given(List<Assigned> assigned, List<String> groupKeys, int[] labels, double valFraction,
                                  long splitSeed, Integer limit) {
        List<List<Integer>> splits = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < assigned.size(); i++) {
            splits.get(assigned.get(i).ordinal()).add(i);
        }
        List<Integer> train = splits.get(TRAIN);
        List<Integer> val = splits.get(VAL);
        if (val.isEmpty()) {
            int[] trainLabels = train.stream().mapToInt(i -> labels[i]).toArray();
            SplitPlan drawn = stratified(train.stream().map(groupKeys::get).toList(), trainLabels, valFraction, 0,
                    splitSeed, null);
            val = java.util.Arrays.stream(drawn.val()).mapToObj(train::get).sorted().toList();
            train = java.util.Arrays.stream(drawn.train()).mapToObj(train::get).sorted().toList();
        }
        if (limit != null && train.size() > limit) {
            train = proportionalSubset(train, labels, limit, splitSeed);
        }
        return new SplitPlan(toArray(train), toArray(val), toArray(splits.get(TEST)));
    }

    /** The split a dataset's own layout puts an example in (a {@code train/} folder, a split column). */
    public enum Assigned { TRAIN, VAL, TEST }

    private static int share(int groups, double fraction) {
        return groups < 3 || fraction == 0 ? 0 : Math.max(1, (int) Math.round(groups * fraction));
    }

    /** {@code limit} of {@code rows}, each class keeping its share (largest remainders round). */
    private static List<Integer> proportionalSubset(List<Integer> rows, int[] labels, int limit, long seed) {
        Map<Integer, List<Integer>> byClass = new TreeMap<>();
        for (int row : rows) {
            byClass.computeIfAbsent(labels[row], c -> new ArrayList<>()).add(row);
        }
        Map<Integer, Integer> quota = new HashMap<>();
        List<Map.Entry<Integer, Double>> remainders = new ArrayList<>();
        int given = 0;
        for (Map.Entry<Integer, List<Integer>> e : byClass.entrySet()) {
            double exact = (double) limit * e.getValue().size() / rows.size();
            quota.put(e.getKey(), (int) exact);
            given += (int) exact;
            remainders.add(Map.entry(e.getKey(), exact - (int) exact));
        }
        remainders.sort(Map.Entry.<Integer, Double>comparingByValue().reversed());
        for (int i = 0; i < limit - given; i++) {
            quota.merge(remainders.get(i).getKey(), 1, Integer::sum);
        }
        Random random = new Random(seed);
        List<Integer> kept = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> e : byClass.entrySet()) {
            List<Integer> members = new ArrayList<>(e.getValue());
            Collections.shuffle(members, random);
            kept.addAll(members.subList(0, quota.get(e.getKey())));
        }
        Collections.sort(kept);
        return kept;
    }

    /** The size of each split, as a record's dataset counts show them. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("train", (long) train.length);
        counts.put("val", (long) val.length);
        counts.put("test", (long) test.length);
        return counts;
    }

    /** {@link #counts()}, then the training examples of each class as {@code train.<class>}. */
    public Map<String, Long> counts(int[] labels, List<String> classNames) {
        Map<String, Long> counts = counts();
        long[] perClass = new long[classNames.size()];
        for (int i : train) {
            perClass[labels[i]]++;
        }
        for (int c = 0; c < perClass.length; c++) {
            counts.put("train." + classNames.get(c), perClass[c]);
        }
        return counts;
    }

    private static double unitHash(String key, long seed) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((seed + ":" + key).getBytes(StandardCharsets.UTF_8));
            byte[] d = sha.digest();
            long v = 0;
            for (int i = 0; i < 7; i++) {
                v = (v << 8) | (d[i] & 0xff);
            }
            return v / (double) (1L << 56);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
