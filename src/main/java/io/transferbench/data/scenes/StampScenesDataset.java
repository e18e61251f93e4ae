package io.transferbench.data.scenes;

import com.fasterxml.jackson.databind.JsonNode;
import io.transferbench.BenchException;
import io.transferbench.assets.AssetAccess;
import io.transferbench.data.DatasetSource;
import io.transferbench.data.Splits;
import io.transferbench.data.images.Augmentation;
import io.transferbench.spec.DatasetSpec;
import io.transferbench.spec.Rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cut-paste scenes of Tux Paint stamps over real photographs ({@link SceneGenerator}), labelled per
 * pixel for segmentation or by each object's visible box for detection: class 0 the background,
 * then the chosen stamp categories. Both tasks get the same scenes. Stamps (with their mirrored
 * variants) and backgrounds are split first, so the test scenes hold objects and backgrounds no
 * training scene shows; {@code seen-test-scenes} adds a {@value #SEEN_TEST} set of new scenes made
 * of the training stamps and backgrounds. Generated deterministically from the locked assets, the split seed and
 * {@code scene-seed}; {@code dataset.limit} caps the training scenes.
 */
public final class StampScenesDataset implements DatasetSource {

    public static final String NAME = "stamp-scenes";
    static final String STAMPS = "tuxpaint-stamps";
    /**
     * New scenes of the training split's stamps and backgrounds: beside {@code test} (unseen stamps
     * on unseen backgrounds) it tells how much of the gap is generalising to new objects.
     */
    static final String SEEN_TEST = "test-seen";
    static final String SEGMENTATION = "semantic-segmentation";
    static final String DETECTION = "object-detection";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "generated scenes: Tux Paint stamps pasted over real photographs, per-pixel category masks or "
                + "object boxes";
    }

    @Override
    public String inputKind() {
        return "image";
    }

    @Override
    public Set<String> tasks() {
        return Set.of(SEGMENTATION, DETECTION);
    }

    @Override
    public Rule.ObjectRule optionsRule() {
        return Rule.object()
                .optional("image-size", Rule.integer(32, 1024), 128)
                .optional("categories", Rule.list(Rule.text("[a-z0-9_-]+", "a stamp category directory name")))
                .optional("train-scenes", Rule.integer(2, 1_000_000), 400)
                .optional("val-scenes", Rule.integer(1, 1_000_000), 100)
                .optional("test-scenes", Rule.integer(1, 1_000_000), 100)
                .optional("seen-test-scenes", Rule.integer(0, 1_000_000), 0)
                .optional("min-objects", Rule.integer(1, 64), 1)
                .optional("max-objects", Rule.integer(1, 64), 4)
                .optional("min-scale", Rule.number(0, false, 2, true), 0.25)
                .optional("max-scale", Rule.number(0, false, 2, true), 0.6)
                .optional("min-visible", Rule.number(0, true, 1, true), 0.2)
                .optional("ignore-band", Rule.integer(0, 16), 0)
                .optional("scene-seed", Rule.integer(1, Long.MAX_VALUE), 1)
                .optional("augment", Rule.choice("augmentation", Augmentation.NAMES), Augmentation.NONE.name())
                .build();
    }

    @Override
    public List<String> assetIds(DatasetSpec spec) {
        List<String> ids = new ArrayList<>(List.of(STAMPS));
        ids.addAll(SceneBackgrounds.ASSETS);
        return ids;
    }

    @Override
    public String version() {
        return "stamp-scenes/1";
    }

    @Override
    public Splits load(DatasetSpec spec, AssetAccess assets) {
        return load(spec, SEGMENTATION, assets);
    }

    @Override
    public Splits load(DatasetSpec spec, String task, AssetAccess assets) {
        StampCutouts stamps = StampCutouts.read(assets);
        List<String> chosen = chosenCategories(spec.options().path("categories"), stamps.categories());
        List<Cutout> cutouts = new ArrayList<>();
        for (Cutout c : stamps.cutouts()) {
            int label = chosen.indexOf(stamps.categories().get(c.category()));
            if (label >= 0) {
                cutouts.add(new Cutout(c.width(), c.height(), c.rgb(), c.alpha(), label, c.item()));
            }
        }
        SceneSplits splits = SceneSplits.of(cutouts, SceneBackgrounds.read(assets), spec.splitSeed(),
                spec.valFraction(), spec.testFraction());
        int size = spec.intOption("image-size", 128);
        SceneSpec scene = new SceneSpec(size, spec.intOption("min-objects", 1), spec.intOption("max-objects", 4),
                spec.options().path("min-scale").asDouble(0.25), spec.options().path("max-scale").asDouble(0.6),
                spec.options().path("min-visible").asDouble(0.2), spec.intOption("ignore-band", 0));
        long seed = spec.options().path("scene-seed").asLong(1);
        Augmentation augmentation = Augmentation.named(spec.options().path("augment").asText(Augmentation.NONE.name()));
        SceneTargets targets = task.equals(DETECTION) ? new SceneBoxes(scene.maxObjects()) : new SceneMasks(size);
        List<String> classNames = new ArrayList<>(List.of("background"));
        classNames.addAll(chosen);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(Splits.SKIPPED, (long) stamps.skipped());
        int trainScenes = spec.intOption("train-scenes", 400);
        if (spec.limit() != null) {
            trainScenes = Math.min(trainScenes, spec.limit());
        }
        SceneSet train = generate("train", splits.train(), scene, 3 * seed, trainScenes,
                augmentation, targets, classNames, counts);
        SceneSet val = generate("val", splits.val(), scene, 3 * seed + 1, spec.intOption("val-scenes", 100),
                Augmentation.NONE, targets, classNames, counts);
        SceneSet test = generate("test", splits.test(), scene, 3 * seed + 2, spec.intOption("test-scenes", 100),
                Augmentation.NONE, targets, classNames, counts);
        Splits all = new Splits(train, val, test, classNames, new long[] {3, size, size}, counts, targets.shape());
        int seenScenes = spec.intOption("seen-test-scenes", 0);
        if (seenScenes == 0) {
            return all;
        }
        // Negative seeds never meet the positive ones of train, val and test under any scene-seed.
        SceneSet seen = generate(SEEN_TEST, splits.train(), scene, -1 - seed, seenScenes, Augmentation.NONE, targets,
                classNames, counts);
        return all.withOtherTests(Map.of(SEEN_TEST, seen));
    }

    /** The categories a suite names, in its order, or every category; unknown names are refused. */
    private static List<String> chosenCategories(JsonNode named, List<String> available) {
        if (named.isMissingNode() || named.isNull()) {
            return available;
        }
        List<String> chosen = new ArrayList<>();
        named.forEach(n -> {
            if (!available.contains(n.asText())) {
                throw new BenchException(BenchException.EXIT_BAD_INPUT, "dataset.options.categories: no stamp category '"
                        + n.asText() + "'; the stamps have: " + String.join(", ", available));
            }
            chosen.add(n.asText());
        });
        return chosen;
    }

    /**
     * {@code count} scenes of one split's stamps and backgrounds; records the split's scenes, its
     * stamp items and backgrounds, and its objects per class.
     */
    private static SceneSet generate(String split, SceneSplits.Part part, SceneSpec spec, long seed, int count,
                                     Augmentation augmentation, SceneTargets targets, List<String> classNames,
                                     Map<String, Long> counts) {
        SceneGenerator generator = new SceneGenerator(part.cutouts(), part.backgrounds(), spec);
        List<Scene> scenes = new ArrayList<>(count);
        long[] objects = new long[classNames.size()];
        for (int i = 0; i < count; i++) {
            Scene scene = generator.generate(seed, i);
            scenes.add(scene);
            scene.objects().forEach(o -> objects[o.category() + 1]++);
        }
        counts.put(split, (long) count);
        counts.put(split + "-stamps", part.cutouts().stream().map(Cutout::item).distinct().count());
        counts.put(split + "-backgrounds", (long) part.backgrounds().size());
        for (int c = 1; c < classNames.size(); c++) {
            counts.put(split + "-objects:" + classNames.get(c), objects[c]);
        }
        return new SceneSet(scenes, spec.size(), augmentation, targets);
    }
}
