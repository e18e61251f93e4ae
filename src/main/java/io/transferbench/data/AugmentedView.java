package io.transferbench.data;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * A split as one cell trains on it: every batch a fresh random view of its examples, the i-th
 * drawn from the i-th of the batch's {@link ViewSeeds}, so the n-th batch depends only on the
 * cell's seed and n and a cell is reproducible.
 */
public final class AugmentedView implements ExampleSet {

    /** Draws a random view of the examples at {@code indices}, the i-th from {@code seeds[i]}. */
    public interface Draw<T> {
        T draw(NDManager manager, int[] indices, long[] seeds);
    }

    private final ExampleSet source;
    private final ViewSeeds seeds;
    private final Draw<Batch> draw;
    private final boolean targetsFromSource;

    private AugmentedView(ExampleSet source, long seed, Draw<Batch> draw, boolean targetsFromSource) {
        this.source = source;
        this.seeds = new ViewSeeds(seed);
        this.draw = draw;
        this.targetsFromSource = targetsFromSource;
    }

    /** A view whose targets do not depend on it (class labels): they come from the source, asked for apart. */
    public static AugmentedView ofInputs(ExampleSet source, long seed, Draw<NDList> inputs) {
        return new AugmentedView(source, seed,
                (manager, indices, s) -> new Batch(inputs.draw(manager, indices, s), source.targets(manager, indices)),
                true);
    }

    /** A view whose targets follow it (a mask under the crop and flip): drawn only as whole batches. */
    public static AugmentedView ofBatches(ExampleSet source, long seed, Draw<Batch> batches) {
        return new AugmentedView(source, seed, batches, false);
    }

    @Override
    public int size() {
        return source.size();
    }

    @Override
    public Batch batch(NDManager manager, int[] indices) {
        return draw.draw(manager, indices, seeds.next(indices.length));
    }

    @Override
    public NDList inputs(NDManager manager, int[] indices) {
        return batch(manager, indices).inputs();
    }

    @Override
    public NDList targets(NDManager manager, int[] indices) {
        if (!targetsFromSource) {
            throw new UnsupportedOperationException("an augmented view's targets follow its inputs: ask for batches");
        }
        return source.targets(manager, indices);
    }

    @Override
    public boolean augmented() {
        return true;
    }
}
