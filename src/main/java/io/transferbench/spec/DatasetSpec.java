package io.transferbench.spec;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The dataset of a suite and how it is cut. {@code limit} caps the training examples (a small-data
 * regime or a smoke test); validation and test splits are never cut by it, so quality stays
 * comparable across limits. {@code path} names the user's own files, for datasets that read them
 * (absolute once the suite is resolved); null for the locked datasets.
 */
public record DatasetSpec(
        String name, Integer limit, double valFraction, double testFraction, long splitSeed, ObjectNode options,
        String path) {

    /** A locked dataset: no local path. */
    public DatasetSpec(String name, Integer limit, double valFraction, double testFraction, long splitSeed,
                       ObjectNode options) {
        this(name, limit, valFraction, testFraction, splitSeed, options, null);
    }

    public DatasetSpec {
        valFraction = valFraction == 0 ? 0.15 : valFraction;
        testFraction = testFraction == 0 ? 0.15 : testFraction;
        splitSeed = splitSeed == 0 ? 20_261_124L : splitSeed;
        options = options == null ? JsonNodeFactory.instance.objectNode() : options;
    }

    public double doubleOption(String key, double fallback) {
        return options.has(key) ? options.get(key).asDouble() : fallback;
    }

    public int intOption(String key, int fallback) {
        return options.has(key) ? options.get(key).asInt() : fallback;
    }
}
