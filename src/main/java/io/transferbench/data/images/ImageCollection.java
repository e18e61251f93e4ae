package io.transferbench.data.images;

import io.transferbench.data.ExampleGroups;
import io.transferbench.data.SplitPlan;
import io.transferbench.data.Splits;
import io.transferbench.spec.DatasetSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Labelled images as a reader collects them, and how the reader's items fared. Each image is
 * grouped with every other image of the same item (a stamp and its mirrored variant) and with
 * every image of identical pixels, so that the same picture never sits in two splits. A picture
 * filed under two different classes is ambiguous and dropped (counted); an unreadable file is
 * skipped (counted).
 */
final class ImageCollection {

    /** Examples dropped because identical pixels carry two different labels. */
    static final String CONFLICTING = "dropped-conflicting-labels";
    /** Size of the training split after oversampling small classes. */
    static final String OVERSAMPLED = "train-oversampled";

    private final List<String> classNames;
    private final List<RasterImage> images = new ArrayList<>();
    private final List<Integer> labels = new ArrayList<>();
    private final List<String> digests = new ArrayList<>();
    /** The split each image's place in the files names; empty unless the reader's layout names splits. */
    private final List<SplitPlan.Assigned> assigned = new ArrayList<>();
    private final ExampleGroups groups = new ExampleGroups();
    private long skipped;

    ImageCollection(List<String> classNames) {
        this.classNames = List.copyOf(classNames);
    }

    /** Adds an image of class {@code label}; {@code item} names the source item it shows. */
    void add(RasterImage image, int label, String item) {
        String digest = image.digest();
        images.add(image);
        labels.add(label);
        digests.add(digest);
        groups.add("item:" + item, "pixels:" + digest);
    }

    /** Adds an image of class {@code label} that the dataset's layout puts in split {@code split}. */
    void add(RasterImage image, int label, String item, SplitPlan.Assigned split) {
        if (assigned.size() != images.size()) {
            throw new IllegalStateException("images with and without a given split in one collection");
        }
        add(image, label, item);
        assigned.add(split);
    }

    /** Counts a file that could not be read or decoded. */
    void skip() {
        skipped++;
    }

    int size() {
        return images.size();
    }

    Splits splits(DatasetSpec spec, ImageOptions options) {
        Map<String, Set<Integer>> labelsOfDigest = new HashMap<>();
        for (int i = 0; i < images.size(); i++) {
            labelsOfDigest.computeIfAbsent(digests.get(i), d -> new HashSet<>()).add(labels.get(i));
        }
        List<String> groupNames = groups.names();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            if (labelsOfDigest.get(digests.get(i)).size() == 1) {
                kept.add(i);
            }
        }
        List<RasterImage> keptImages = kept.stream().map(images::get).toList();
        int[] y = kept.stream().mapToInt(labels::get).toArray();
        List<String> keptGroups = kept.stream().map(groupNames::get).toList();
        SplitPlan plan = assigned.isEmpty()
                ? SplitPlan.stratified(keptGroups, y, spec.valFraction(), spec.testFraction(), spec.splitSeed(),
                        spec.limit())
                : SplitPlan.given(kept.stream().map(assigned::get).toList(), keptGroups, y, spec.valFraction(),
                        spec.splitSeed(), spec.limit());

        Map<String, Long> counts = plan.counts(y, classNames);
        counts.put(Splits.SKIPPED, skipped);
        counts.put(CONFLICTING, (long) (images.size() - kept.size()));
        int[] trainRows = plan.train();
        if (options.oversample()) {
            trainRows = ClassBalance.oversample(trainRows, y, classNames.size(), spec.splitSeed());
            counts.put(OVERSAMPLED, (long) trainRows.length);
        }
        int size = options.imageSize();
        return new Splits(select(keptImages, y, trainRows, size, options.augmentation()),
                select(keptImages, y, plan.val(), size, Augmentation.NONE),
                select(keptImages, y, plan.test(), size, Augmentation.NONE),
                classNames, new long[] {3, size, size}, counts);
    }

    private static ImageSet select(List<RasterImage> images, int[] labels, int[] rows, int size,
                                   Augmentation augmentation) {
        List<RasterImage> chosen = new ArrayList<>(rows.length);
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            chosen.add(images.get(rows[i]));
            y[i] = labels[rows[i]];
        }
        return new ImageSet(chosen, y, size, augmentation);
    }
}
