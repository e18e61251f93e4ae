package io.transferbench.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
/**
 * Deterministic train/val/test assignment. Each example belongs to a group (a document, a
 * message id, a speaker); a group's split is decided by a hash of the group key and the split
 * seed, so a group never lands in two splits and adding examples never moves existing ones.
 * {@code limit} then takes a seeded random subset of the training split only.
 */
public record SplitPlan(int[] train, int[] val, int[] test) {

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

    /** The size of each split, as a record's dataset counts show them. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("train", (long) train.length);
        counts.put("val", (long) val.length);
        counts.put("test", (long) test.length);
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
