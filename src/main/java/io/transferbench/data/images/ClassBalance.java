package io.transferbench.data.images;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random oversampling of small classes in a training split: each class smaller than the mean
 * class size is repeated (whole copies, then a seeded choice of the rest) up to that mean. In
 * expectation this weights a small class's loss by mean / size, as a class-weighted loss would,
 * while the larger classes keep every example; with augmentation on, the repeats become
 * different views.
 */
final class ClassBalance {

    private ClassBalance() {
    }

    static int[] oversample(int[] rows, int[] labels, int classes, long seed) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int row : rows) {
            byClass.get(labels[row]).add(row);
        }
        long present = byClass.stream().filter(members -> !members.isEmpty()).count();
        int mean = (int) Math.round((double) rows.length / Math.max(1, present));
        Random random = new Random(seed);
        List<Integer> out = new ArrayList<>();
        for (List<Integer> members : byClass) {
            out.addAll(members);
            if (members.isEmpty() || members.size() >= mean) {
                continue;
            }
            int missing = mean - members.size();
            for (int copy = 0; copy < missing / members.size(); copy++) {
                out.addAll(members);
            }
            List<Integer> shuffled = new ArrayList<>(members);
            Collections.shuffle(shuffled, random);
            out.addAll(shuffled.subList(0, missing % members.size()));
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
