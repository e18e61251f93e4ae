package io.transferbench.data.images;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.transferbench.data.ClassLabels;
import io.transferbench.data.ExampleSet;
import io.transferbench.data.AugmentedView;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * One split of an image dataset. Batches are RGB float32 {@code [n, 3, S, S]} with values 0..255
 * (the model family scales them as its weights expect) and int32 labels. Images are resampled per
 * batch from their stored size, with a random view each time when the split trains with
 * augmentation; the images of a batch are drawn in parallel, each from its own seed, so the
 * result does not depend on thread timing.
 */
public final class ImageSet implements ExampleSet {

    private final List<RasterImage> images;
    private final int[] labels;
    private final int size;
    private final Augmentation augmentation;

    /**
     * @param size the side of the square model input
     * @param augmentation applied by the view {@link #forTraining} returns; batches of this set
     *     itself are always the plain resized images
     */
    public ImageSet(List<RasterImage> images, int[] labels, int size, Augmentation augmentation) {
        if (images.size() != labels.length) {
            throw new IllegalArgumentException(images.size() + " images but " + labels.length + " labels");
        }
        this.images = List.copyOf(images);
        this.labels = labels.clone();
        this.size = size;
        this.augmentation = augmentation;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public NDList inputs(NDManager manager, int[] indices) {
        return pixels(manager, indices, render(indices, null));
    }

    @Override
    public NDList targets(NDManager manager, int[] indices) {
        return ClassLabels.select(manager, labels, indices);
    }

    @Override
    public ExampleSet forTraining(long seed) {
        return augmentation.enabled()
                ? AugmentedView.ofInputs(this, seed,
                        (manager, indices, seeds) -> pixels(manager, indices, render(indices, seeds)))
                : this;
    }

    /** Pixels of the images at {@code indices}; a random view of each when seeds are given. */
    float[] render(int[] indices, long[] seeds) {
        int pixels = 3 * size * size;
        float[] out = new float[indices.length * pixels];
        IntStream.range(0, indices.length).parallel().forEach(i -> {
            RasterImage image = images.get(indices[i]);
            if (seeds == null) {
                Bilinear.draw(image, CropWindow.whole(image), false, size, out, i * pixels);
            } else {
                augmentation.draw(image, new SplittableRandom(seeds[i]), size, out, i * pixels);
            }
        });
        return out;
    }

    private NDList pixels(NDManager manager, int[] indices, float[] pixels) {
        return new NDList(manager.create(pixels, new Shape(indices.length, 3, size, size)));
    }
}
