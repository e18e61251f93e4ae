package io.transferbench.data;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * One split of a dataset, held on the host. The training loop asks for batches by example index,
 * so shuffling and batching live in the core while each domain decides how examples become arrays.
 * Inputs and targets are asked for apart: a cell that trains on cached frozen-stage outputs takes
 * only the targets from the source set, by index. A target may be several arrays (a mask, boxes
 * and their classes).
 */
public interface ExampleSet {

    int size();

    /** The model inputs of the examples at {@code indices}, created in {@code manager}. */
    NDList inputs(NDManager manager, int[] indices);

    /** The targets of the examples at {@code indices}, created in {@code manager}. */
    NDList targets(NDManager manager, int[] indices);

    /**
     * Inputs and targets together. A set whose targets follow a random view of the input (a mask
     * under a random crop) overrides this to draw both from the same view.
     */
    default Batch batch(NDManager manager, int[] indices) {
        return new Batch(inputs(manager, indices), targets(manager, indices));
    }

    /**
     * This split as one cell trains on it. A set with random augmentation returns a view that
     * draws from a generator seeded with {@code seed}, so cells stay reproducible; others return
     * themselves.
     */
    default ExampleSet forTraining(long seed) {
        return this;
    }

    /**
     * True when batches of the same indices differ from call to call (random augmentation). The
     * trainer caches frozen-stage outputs only for sets where this is false.
     */
    default boolean augmented() {
        return false;
    }

    /**
     * Each example's length along its inputs' sequence axis (axis 1) where the set pads a batch
     * only to its longest example (tokenised text); empty where every example has one shape. A
     * set with lengths promises that the backbone's stages keep that axis, one position per
     * input position, so that their outputs can be cached at one length and cut to a batch's.
     */
    default Optional<int[]> lengths() {
        return Optional.empty();
    }

    /**
     * The example at {@code index} as a person would look at it, at the size the model sees it,
     * for pictures of predictions; empty for sets that are not images.
     */
    default Optional<BufferedImage> picture(int index) {
        return Optional.empty();
    }
}
