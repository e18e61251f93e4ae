package io.transferbench.data.scenes;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.transferbench.data.AugmentedView;
import io.transferbench.data.Batch;
import io.transferbench.data.ExampleSet;
import io.transferbench.data.images.Augmentation;
import io.transferbench.data.images.Bilinear;
import io.transferbench.data.images.RasterImage;
import io.transferbench.data.images.ViewGeometry;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * One split of generated scenes: RGB float32 {@code [n, 3, S, S]} with values 0..255 and the
 * task's {@link SceneTargets}. A training view with augmentation draws each scene's random crop and
 * flip once per batch and applies it to the image and its targets alike.
 */
final class SceneSet implements ExampleSet {

    private final List<Scene> scenes;
    private final int size;
    private final Augmentation augmentation;
    private final SceneTargets targets;

    SceneSet(List<Scene> scenes, int size, Augmentation augmentation, SceneTargets targets) {
        this.scenes = List.copyOf(scenes);
        this.size = size;
        this.augmentation = augmentation;
        this.targets = targets;
    }

    @Override
    public int size() {
        return scenes.size();
    }

    @Override
    public NDList inputs(NDManager manager, int[] indices) {
        int plane = 3 * size * size;
        float[] pixels = new float[indices.length * plane];
        IntStream.range(0, indices.length).parallel().forEach(i -> {
            RasterImage image = scenes.get(indices[i]).image();
            Bilinear.draw(image, ViewGeometry.whole(image, size).window(), false, size, pixels, i * plane);
        });
        return new NDList(manager.create(pixels, new Shape(indices.length, 3, size, size)));
    }

    @Override
    public NDList targets(NDManager manager, int[] indices) {
        List<Scene> chosen = chosen(indices);
        List<ViewGeometry> whole = chosen.stream().map(s -> ViewGeometry.whole(s.image(), size)).toList();
        return new NDList(targets.create(manager, chosen, whole));
    }

    @Override
    public Optional<BufferedImage> picture(int index) {
        RasterImage image = scenes.get(index).image();
        if (image.width() != size || image.height() != size) {
            throw new IllegalStateException("scene " + index + " is " + image.width() + "x" + image.height()
                    + ", not the model's " + size + "x" + size);
        }
        return Optional.of(image.toBufferedImage());
    }

    @Override
    public ExampleSet forTraining(long seed) {
        return augmentation.enabled() ? AugmentedView.ofBatches(this, seed, this::render) : this;
    }

    /** Images and targets of the scenes at {@code indices}, a random view of each. */
    private Batch render(NDManager manager, int[] indices, long[] seeds) {
        int plane = 3 * size * size;
        float[] pixels = new float[indices.length * plane];
        ViewGeometry[] views = new ViewGeometry[indices.length];
        IntStream.range(0, indices.length).parallel().forEach(i -> views[i] = augmentation.draw(
                scenes.get(indices[i]).image(), new SplittableRandom(seeds[i]), size, pixels, i * plane));
        return new Batch(new NDList(manager.create(pixels, new Shape(indices.length, 3, size, size))),
                new NDList(targets.create(manager, chosen(indices), Arrays.asList(views))));
    }

    private List<Scene> chosen(int[] indices) {
        List<Scene> chosen = new ArrayList<>(indices.length);
        for (int i : indices) {
            chosen.add(scenes.get(i));
        }
        return chosen;
    }
}
