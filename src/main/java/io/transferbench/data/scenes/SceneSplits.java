package io.transferbench.data.scenes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Train, validation and test parts that share no stamp item and no background, so that a test
 * scene never shows an object or a photograph seen in training, not even mirrored. Items are
 * split within each category, so that every category with at least 3 items is seen in every
 * split; smaller categories stay in training.
 */
public record SceneSplits(Part train, Part val, Part test) {

    /** What one split's scenes are made of. */
    public record Part(List<Cutout> cutouts, List<Background> backgrounds) {

        public Part {
            cutouts = List.copyOf(cutouts);
            backgrounds = List.copyOf(backgrounds);
        }
    }

    /**
     * The same split for the same inputs and seed on every machine: items and backgrounds are
     * shuffled from their sorted names with {@link Random}, whose sequence the JDK specifies.
     */
    public static SceneSplits of(List<Cutout> cutouts, List<Background> backgrounds, long seed,
            double valFraction, double testFraction) {
        if (!(valFraction > 0 && testFraction > 0 && valFraction + testFraction < 1)) {
            throw new IllegalArgumentException("val and test fractions must be positive and leave room for training, got "
                    + valFraction + " and " + testFraction);
        }
        if (backgrounds.size() < 3) {
            throw new IllegalArgumentException("three splits need at least 3 backgrounds, got " + backgrounds.size());
        }
        Random random = new Random(seed);
        TreeMap<Integer, TreeSet<String>> itemsByCategory = new TreeMap<>();
        for (Cutout c : cutouts) {
            itemsByCategory.computeIfAbsent(c.category(), k -> new TreeSet<>()).add(c.item());
        }
        TreeMap<String, Integer> splitOfItem = new TreeMap<>();
        for (TreeSet<String> items : itemsByCategory.values()) {
            List<String> order = new ArrayList<>(items);
            Collections.shuffle(order, random);
            int[] sizes = order.size() < 3 ? new int[] {order.size(), 0, 0}
                    : sizes(order.size(), valFraction, testFraction);
            for (int i = 0; i < order.size(); i++) {
                splitOfItem.put(order.get(i), i < sizes[0] ? 0 : i < sizes[0] + sizes[1] ? 1 : 2);
            }
        }
        List<Background> shuffled = new ArrayList<>(backgrounds);
        shuffled.sort((a, b) -> a.name().compareTo(b.name()));
        Collections.shuffle(shuffled, random);
        int[] backgroundSizes = sizes(shuffled.size(), valFraction, testFraction);
        List<List<Cutout>> partCutouts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Cutout c : cutouts) {
            partCutouts.get(splitOfItem.get(c.item())).add(c);
        }
        int trainEnd = backgroundSizes[0];
        int valEnd = trainEnd + backgroundSizes[1];
        return new SceneSplits(new Part(partCutouts.get(0), shuffled.subList(0, trainEnd)),
                new Part(partCutouts.get(1), shuffled.subList(trainEnd, valEnd)),
                new Part(partCutouts.get(2), shuffled.subList(valEnd, shuffled.size())));
    }

    /** Train, val and test sizes for {@code n >= 3}: at least one each, training keeps the rest. */
    private static int[] sizes(int n, double valFraction, double testFraction) {
        int val = Math.max(1, (int) Math.round(n * valFraction));
        int test = Math.max(1, (int) Math.round(n * testFraction));
        while (val + test > n - 1) {
            if (val >= test) {
                val--;
            } else {
                test--;
            }
        }
        return new int[] {n - val - test, val, test};
    }
}
