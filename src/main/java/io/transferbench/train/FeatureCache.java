package io.transferbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.transferbench.data.BatchPlan;
import io.transferbench.data.ExampleSet;
import io.transferbench.data.Splits;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Outputs of frozen stages, computed once and shared by every cell of a run that freezes the same
 * stages of the same pretrained weights on the same data. A linear probe then trains its head on
 * pooled features instead of running the encoder every epoch, and a partial freeze starts from the
 * last frozen stage's output. Frozen stages run in inference mode, so the cached values are exactly
 * what they would compute each step.
 *
 * <p>Behind the entries in memory stands an optional {@link FeatureStore} on disk, keyed by what
 * determines the features: the digest of the pretrained weights, the depth, and the identity of
 * the prepared data (dataset settings, its assets, the model's input preparation). Other
 * processes, later runs and later cells then load what one computed. With a store, memory holds
 * only the entry the running cell uses, and nothing between cells ({@link #release}): a cell's
 * peak memory is then its own, not that of the entries earlier cells left (a gradual cell's
 * shallow depths run to gigabytes). Without one, entries stay in memory up to a byte budget,
 * evicted least recently used.
 */
public final class FeatureCache implements AutoCloseable {

    /** Host (or device) memory the cache may hold; a BERT layer's output at length 128 is 197 KB a sequence. */
    public static final long DEFAULT_BUDGET_BYTES = 4L << 30;

    private final NDManager manager;
    private final long budgetBytes;
    private final FeatureStore disk;
    private final Function<Splits, String> dataIdentity;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    /** The splits of one dataset as seen after {@code depth} frozen stages; {@code tests} by name, as the splits name them. */
    record Entry(CachedFeatures train, CachedFeatures val, Map<String, CachedFeatures> tests, NDManager manager) {
        long bytes() {
            return all().stream().mapToLong(CachedFeatures::bytes).sum();
        }

        /** Train, val, then the test sets: the order in which the store keeps them. */
        List<CachedFeatures> all() {
            List<CachedFeatures> all = new ArrayList<>(List.of(train, val));
            all.addAll(tests.values());
            return all;
        }
    }

    /** Identity, not equality: the same weight and data objects, and the same depth. */
    private record Key(Object weights, Object splits, int depth) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.weights == weights && k.splits == splits && k.depth == depth;
        }

        @Override
        public int hashCode() {
            return 31 * (31 * System.identityHashCode(weights) + System.identityHashCode(splits)) + depth;
        }
    }

    /** A cache of this run's entries in memory only. */
    public FeatureCache(NDManager parent, long budgetBytes) {
        this(parent, budgetBytes, null, null);
    }

    /**
     * @param store where entries are shared with other processes, or null
     * @param dataIdentity what determines a prepared dataset's content, for the store's keys
     */
    public FeatureCache(NDManager parent, long budgetBytes, FeatureStore store, Function<Splits, String> dataIdentity) {
        this.manager = parent.newSubManager();
        this.budgetBytes = budgetBytes;
        this.disk = store;
        this.dataIdentity = dataIdentity;
    }

    /** The entry this run holds in memory, or null. */
    Entry find(WeightSnapshot weights, Splits splits, int depth) {
        return entries.get(new Key(weights, splits, depth));
    }

    /**
     * The entry another process or run stored on disk, now held in memory too; null when there is
     * none. {@code stages} is the backbone's stage count: after all of them the features are pooled.
     */
    Entry load(WeightSnapshot weights, Splits splits, int depth, int stages) {
        if (disk == null) {
            return null;
        }
        NDManager entryManager = manager.newSubManager();
        List<NDList> loaded = disk.load(storeKey(weights, splits, depth), entryManager);
        Map<String, ExampleSet> testSets = splits.testSets();
        if (loaded == null || loaded.size() != 2 + testSets.size()) {
            entryManager.close();
            return null;
        }
        Iterator<NDList> features = loaded.iterator();
        CachedFeatures train = new CachedFeatures(features.next(), splits.train(),
                tokenAxis(splits.train(), depth, stages));
        CachedFeatures val = new CachedFeatures(features.next(), splits.val(), tokenAxis(splits.val(), depth, stages));
        Map<String, CachedFeatures> tests = new LinkedHashMap<>();
        testSets.forEach((name, set) -> tests.put(name, new CachedFeatures(features.next(), set,
                tokenAxis(set, depth, stages))));
        Entry entry = new Entry(train, val, tests, entryManager);
        entries.put(new Key(weights, splits, depth), entry);
        evictBeyondBudget(entry);
        return entry;
    }

    /**
     * Runs the first {@code depth} stages of {@code net} (holding {@code weights}) over every example
     * of each split, in batches of {@code batchSize}, and keeps the result.
     */
    Entry compute(WeightSnapshot weights, Splits splits, int depth, TransferNetwork net, int batchSize) {
        NDManager entryManager = manager.newSubManager();
        ParameterStore store = new ParameterStore(entryManager, false);
        Map<String, CachedFeatures> tests = new LinkedHashMap<>();
        splits.testSets().forEach((name, set) -> tests.put(name, run(net, store, set, depth, batchSize, entryManager)));
        Entry entry = new Entry(run(net, store, splits.train(), depth, batchSize, entryManager),
                run(net, store, splits.val(), depth, batchSize, entryManager), tests, entryManager);
        entries.put(new Key(weights, splits, depth), entry);
        evictBeyondBudget(entry);
        if (disk != null) {
            disk.save(storeKey(weights, splits, depth), entry.all().stream().map(CachedFeatures::features).toList(),
                    "outputs of the first " + depth + " stages; " + dataIdentity.apply(splits));
        }
        return entry;
    }

    private String storeKey(WeightSnapshot weights, Splits splits, int depth) {
        return FeatureStore.sha256((weights.digest() + "\n" + depth + "\n" + dataIdentity.apply(splits))
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The first {@code depth} stages' outputs for every example of {@code set}, in the set's order.
     * Batches of varying length are padded with zeros to the set's longest example first, along
     * the sequence axis, so that they stack; {@link CachedFeatures} cuts each batch back to its own.
     */
    private static CachedFeatures run(TransferNetwork net, ParameterStore store, ExampleSet set, int depth,
                                      int batchSize, NDManager into) {
        boolean padded = tokenAxis(set, depth, net.stages().size());
        int longest = set.lengths().map(lengths -> Arrays.stream(lengths).max().orElse(0)).orElse(0);
        List<int[]> batches = BatchPlan.evaluation(set, batchSize);
        List<NDList> outputs = new ArrayList<>();
        for (int[] idx : batches) {
            try (NDManager step = into.newSubManager()) {
                NDList out = net.prefix(store, set.inputs(step, idx), depth);
                if (padded) {
                    out = padSequences(out, longest);
                }
                out.attach(into);
                outputs.add(out);
            }
        }
        int[] order = batches.stream().flatMapToInt(Arrays::stream).toArray();
        NDList stacked = new NDList();
        for (int k = 0; k < outputs.get(0).size(); k++) {
            NDList parts = new NDList();
            for (NDList o : outputs) {
                parts.add(o.get(k));
            }
            stacked.add(inSetOrder(NDArrays.concat(parts), order, into));
            parts.close();
        }
        return new CachedFeatures(stacked, set, padded);
    }

    /** Whether the entry's arrays keep the set's sequence axis: the set's lengths vary and the features are not pooled. */
    private static boolean tokenAxis(ExampleSet set, int depth, int stages) {
        return set.lengths().isPresent() && depth < stages;
    }

    private static NDList padSequences(NDList out, int length) {
        NDList padded = new NDList(out.size());
        for (NDArray a : out) {
            long missing = length - a.getShape().get(1);
            if (missing == 0) {
                padded.add(a);
                continue;
            }
            Shape fill = new Shape(a.getShape().getShape().clone());
            long[] dims = fill.getShape();
            dims[1] = missing;
            padded.add(a.concat(a.getManager().zeros(new Shape(dims), a.getDataType()), 1));
        }
        return padded;
    }

    /** Rows of {@code stacked} (in batch order {@code order}) put back in the set's order. */
    private static NDArray inSetOrder(NDArray stacked, int[] order, NDManager manager) {
        boolean sorted = true;
        for (int i = 0; i < order.length && sorted; i++) {
            sorted = order[i] == i;
        }
        if (sorted) {
            return stacked;
        }
        long[] rowOf = new long[order.length];
        for (int row = 0; row < order.length; row++) {
            rowOf[order[row]] = row;
        }
        try (NDManager scratch = manager.newSubManager()) {
            NDArray index = scratch.create(rowOf).toDevice(stacked.getDevice(), false);
            NDArray restored = stacked.get(index);
            restored.attach(manager);
            stacked.close();
            return restored;
        }
    }

    /**
     * Drops the entries held in memory where the store keeps them for whoever needs them next;
     * without a store, memory is their only copy and they stay.
     */
    public void release() {
        if (disk != null) {
            entries.values().forEach(e -> e.manager().close());
            entries.clear();
        }
    }

    /** Drops least recently used entries, never the one just made, until memory fits the budget. */
    private void evictBeyondBudget(Entry keep) {
        long budget = disk != null ? 0 : budgetBytes;
        long total = entries.values().stream().mapToLong(Entry::bytes).sum();
        Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator();
        while (total > budget && it.hasNext()) {
            Entry e = it.next().getValue();
            if (e != keep) {
                total -= e.bytes();
                e.manager().close();
                it.remove();
            }
        }
    }

    @Override
    public void close() {
        manager.close();
        entries.clear();
    }
}
