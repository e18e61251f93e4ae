package io.transferbench.data.scenes;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.transferbench.data.Batch;
import io.transferbench.data.ExampleSet;
import io.transferbench.data.images.Augmentation;
import io.transferbench.data.images.Bilinear;
import io.transferbench.data.images.RasterImage;
import io.transferbench.data.AugmentedView;
import io.transferbench.data.images.ViewGeometry;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * One split of generated scenes: RGB float32 {@code [n, 3, S, S]} with values 0..255 and int32
 * class masks {@code [n, S, S]} (0 background, 255 ignored). A training view with augmentation
 * draws each scene's random crop and flip once per batch and applies it to image and mask alike.
 */
final class SceneSet implements ExampleSet {

    private final List<RasterImage> images;
    private final List<byte[]> masks;
    private final int size;
    private final Augmentation augmentation;

    SceneSet(List<Scene> scenes, int size, Augmentation augmentation) {
        this.images = scenes.stream().map(Scene::image).toList();
        this.masks = scenes.stream().map(Scene::mask).toList();
        this.size = size;
        this.augmentation = augmentation;
    }

    @Override
    public int size() {
        return images.size();
    }

    @Override
    public NDList inputs(NDManager manager, int[] indices) {
        int plane = 3 * size * size;
        float[] pixels = new float[indices.length * plane];
        IntStream.range(0, indices.length).parallel().forEach(i -> {
            RasterImage image = images.get(indices[i]);
            Bilinear.draw(image, ViewGeometry.whole(image, size).window(), false, size, pixels, i * plane);
        });
        return new NDList(manager.create(pixels, new Shape(indices.length, 3, size, size)));
    }

    @Override
    public NDList targets(NDManager manager, int[] indices) {
        int plane = size * size;
        byte[] out = new byte[indices.length * plane];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(masks.get(indices[i]), 0, out, i * plane, plane);
        }
        return new NDList(labels(manager, out, indices.length));
    }

    @Override
    public Optional<BufferedImage> picture(int index) {
        RasterImage image = images.get(index);
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

    /** Images and masks of the scenes at {@code indices}, a random view of each. */
    private Batch render(NDManager manager, int[] indices, long[] seeds) {
        int plane = size * size;
        float[] pixels = new float[indices.length * 3 * plane];
        byte[] mask = new byte[indices.length * plane];
        IntStream.range(0, indices.length).parallel().forEach(i -> {
            RasterImage image = images.get(indices[i]);
            ViewGeometry view = augmentation.draw(image, new SplittableRandom(seeds[i]), size, pixels, i * 3 * plane);
            view.drawLabels(masks.get(indices[i]), image.width(), image.height(), mask, i * plane);
        });
        return new Batch(new NDList(manager.create(pixels, new Shape(indices.length, 3, size, size))),
                new NDList(labels(manager, mask, indices.length)));
    }

    private ai.djl.ndarray.NDArray labels(NDManager manager, byte[] mask, int n) {
        int[] values = new int[mask.length];
        for (int i = 0; i < mask.length; i++) {
            values[i] = mask[i] & 0xff;
        }
        return manager.create(values, new Shape(n, size, size));
    }
}
