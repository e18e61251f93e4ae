package io.transferbench.perf;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.transferbench.data.ClassLabels;
import io.transferbench.data.ExampleSet;

import java.util.Arrays;
import java.util.Random;

/**
 * Random examples at a model's input shape, drawn once with a fixed seed, for benchmarks whose
 * speed does not depend on the data: token ids with a [CLS] first for a one-axis shape (text),
 * pixels in [0, 1) otherwise, and random labels.
 */
public final class RandomExamples implements ExampleSet {

    private static final long CLS = 101;

    private final long[] shape;
    private final int perExample;
    private final long[] tokens;
    private final float[] pixels;
    private final int[] labels;

    public RandomExamples(int size, long[] shape, int classes) {
        this.shape = shape.clone();
        this.perExample = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        boolean text = shape.length == 1;
        Random random = new Random(1);
        tokens = text ? new long[size * perExample] : null;
        pixels = text ? null : new float[size * perExample];
        for (int i = 0; i < size * perExample; i++) {
            if (text) {
                tokens[i] = i % perExample == 0 ? CLS : 1000 + random.nextInt(29000);
            } else {
                pixels[i] = random.nextFloat();
            }
        }
        labels = random.ints(size, 0, classes).toArray();
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public NDList inputs(NDManager manager, int[] indices) {
        long[] batchShape = new long[shape.length + 1];
        batchShape[0] = indices.length;
        System.arraycopy(shape, 0, batchShape, 1, shape.length);
        if (tokens != null) {
            long[] x = new long[indices.length * perExample];
            for (int i = 0; i < indices.length; i++) {
                System.arraycopy(tokens, indices[i] * perExample, x, i * perExample, perExample);
            }
            return new NDList(manager.create(x, new Shape(batchShape)));
        }
        float[] x = new float[indices.length * perExample];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * perExample, x, i * perExample, perExample);
        }
        return new NDList(manager.create(x, new Shape(batchShape)));
    }

    @Override
    public NDList targets(NDManager manager, int[] indices) {
        return ClassLabels.select(manager, labels, indices);
    }
}
