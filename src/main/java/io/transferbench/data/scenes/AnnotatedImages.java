package io.transferbench.data.scenes;

import io.transferbench.data.ExampleGroups;
import io.transferbench.data.SplitPlan;
import io.transferbench.data.Splits;
import io.transferbench.data.images.Augmentation;
import io.transferbench.spec.DatasetSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The user's annotated pictures as scenes, whatever the annotation (a mask, boxes): each fitted
 * into the model's square ({@link Letterbox}), grouped by file and by identical pixels, and split
 * by hash as the locked datasets are; the scenes then serve segmentation or detection as the
 * generated ones do ({@link SceneSet}).
 */
final class AnnotatedImages {

    private final List<Scene> scenes = new ArrayList<>();
    private final ExampleGroups groups = new ExampleGroups();
    private long skipped;

    void add(Scene scene, String file) {
        scenes.add(scene);
        groups.add("file:" + file, "pixels:" + scene.image().digest());
    }

    /** Counts a picture that could not be read or decoded. */
    void skip() {
        skipped++;
    }

    Splits splits(DatasetSpec spec, int size, SceneTargets targets, List<String> classNames,
                  Map<String, Long> extraCounts) {
        SplitPlan plan = SplitPlan.of(groups.names(), spec.valFraction(), spec.testFraction(), spec.splitSeed(),
                spec.limit());
        Map<String, Long> counts = plan.counts();
        counts.put(Splits.SKIPPED, skipped);
        counts.putAll(extraCounts);
        Augmentation augmentation = Augmentation.named(spec.options().path("augment").asText(Augmentation.NONE.name()));
        return new Splits(select(plan.train(), size, augmentation, targets), select(plan.val(), size,
                Augmentation.NONE, targets), select(plan.test(), size, Augmentation.NONE, targets), classNames,
                new long[] {3, size, size}, counts, targets.shape());
    }

    private SceneSet select(int[] rows, int size, Augmentation augmentation, SceneTargets targets) {
        List<Scene> chosen = new ArrayList<>(rows.length);
        for (int row : rows) {
            chosen.add(scenes.get(row));
        }
        return new SceneSet(chosen, size, augmentation, targets);
    }
}
