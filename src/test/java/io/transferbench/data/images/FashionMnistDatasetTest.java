package io.transferbench.data.images;

import io.transferbench.LockedAssets;
import io.transferbench.data.Splits;
import io.transferbench.spec.DatasetSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real Fashion-MNIST files, read through the locked asset. */
class FashionMnistDatasetTest {

    private static ImageCollection collection;

    @BeforeAll
    static void read() {
        collection = FashionMnistDataset.read(LockedAssets.fetched(FashionMnistDataset.ASSET)
                .resolve("usr/share/datasets/fashion-mnist"));
    }

    @Test
    void poolsBothOfficialPartsAndNeverPutsTheSamePictureInTwoSplits() throws Exception {
        assertEquals(70_000, collection.size());
        // At their own 28 px the inputs are the stored pixels exactly, so equal inputs mean equal pictures.
        Splits splits = collection.splits(spec(null), new ImageOptions(28, Augmentation.NONE, false));
        assertEquals(10, splits.classNames().size());
        SplitFingerprints train = SplitFingerprints.of(splits.train());
        SplitFingerprints val = SplitFingerprints.of(splits.val());
        SplitFingerprints test = SplitFingerprints.of(splits.test());
        long dropped = splits.counts().get(ImageCollection.CONFLICTING);
        assertEquals(70_000 - dropped, train.inputs().size() + val.inputs().size() + test.inputs().size());
        assertTrue(Collections.disjoint(new HashSet<>(train.inputs()), new HashSet<>(test.inputs())));
        assertTrue(Collections.disjoint(new HashSet<>(train.inputs()), new HashSet<>(val.inputs())));
        assertTrue(Collections.disjoint(new HashSet<>(val.inputs()), new HashSet<>(test.inputs())));
        for (int c = 0; c < 10; c++) {
            // 7,000 per class, 2% each: stratified splits give every class ~140 in val and test.
            assertEquals(140, val.countOf(c), 3, "val, class " + c);
            assertEquals(140, test.countOf(c), 3, "test, class " + c);
        }
        assertEquals(0L, splits.counts().get(Splits.SKIPPED));
    }

    @Test
    void theSmallDataRegimeTakesAThousandBalancedTrainingImagesAndLeavesEvaluationAlone() {
        Splits small = collection.splits(spec(1000), new ImageOptions(96, Augmentation.NONE, false));
        Splits all = collection.splits(spec(null), new ImageOptions(96, Augmentation.NONE, false));
        assertEquals(1000, small.train().size());
        for (String name : small.classNames()) {
            assertEquals(100L, small.counts().get("train." + name), name);
        }
        assertEquals(all.test().size(), small.test().size());
        assertEquals(all.val().size(), small.val().size());
        assertEquals(List.of(3L, 96L, 96L), List.of(small.inputShape()[0], small.inputShape()[1], small.inputShape()[2]));
        Set<String> expected = Set.of("t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker",
                "bag", "ankle-boot");
        assertEquals(expected, new HashSet<>(small.classNames()));
    }

    private static DatasetSpec spec(Integer limit) {
        return new DatasetSpec("fashion-mnist", limit, 0.02, 0.02, 0, null);
    }
}
