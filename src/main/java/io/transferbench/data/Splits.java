package io.transferbench.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * A dataset ready for a cell: train, validation and test splits that never share an example,
 * the class names, the shape of one input, counts worth recording (examples skipped as
 * unreadable, class balance), and the shape of one example's target (none for a class label;
 * height and width for a mask).
 *
 * <p>Besides its {@code test} split a dataset may name further evaluation sets in
 * {@code otherTests} (an out-of-distribution test beside an in-distribution one, say). Every cell
 * scores its chosen checkpoint on each; none of them takes part in choosing it.
 */
public record Splits(
        ExampleSet train,
        ExampleSet val,
        ExampleSet test,
        List<String> classNames,
        long[] inputShape,
        Map<String, Long> counts,
        long[] targetShape,
        Map<String, ExampleSet> otherTests) {

    /** The name of the main test split, first among {@link #testSets()}. */
    public static final String TEST = "test";
    private static final Pattern TEST_NAME = Pattern.compile("test-[a-z0-9]+(-[a-z0-9]+)*");

    public Splits {
        otherTests = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(otherTests));
        for (String name : otherTests.keySet()) {
            if (!TEST_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("evaluation set name '" + name
                        + "' must be 'test-' followed by lower-case words joined by '-' (test-ood, test-seen)");
            }
        }
    }

    /** Splits of one target shape and no further evaluation sets. */
    public Splits(ExampleSet train, ExampleSet val, ExampleSet test, List<String> classNames, long[] inputShape,
                  Map<String, Long> counts, long[] targetShape) {
        this(train, val, test, classNames, inputShape, counts, targetShape, Map.of());
    }

    /** Splits of one class label per example. */
    public Splits(ExampleSet train, ExampleSet val, ExampleSet test, List<String> classNames, long[] inputShape,
                  Map<String, Long> counts) {
        this(train, val, test, classNames, inputShape, counts, new long[0]);
    }

    /** The count of examples skipped as unreadable (corrupt, undecodable), when a reader skips any. */
    public static final String SKIPPED = "skipped";

    /** What the task needs to know about the targets. */
    public Targets targets() {
        return new Targets(classNames, targetShape, inputShape);
    }

    /** Every evaluation set by name: {@value #TEST} first, then the others in the dataset's order. */
    public Map<String, ExampleSet> testSets() {
        Map<String, ExampleSet> sets = new LinkedHashMap<>();
        sets.put(TEST, test);
        sets.putAll(otherTests);
        return sets;
    }

    /** These splits with further named evaluation sets. */
    public Splits withOtherTests(Map<String, ExampleSet> named) {
        return new Splits(train, val, test, classNames, inputShape, counts, targetShape, named);
    }

    /** The same examples as other inputs (tokenised text, say), with the same names and counts. */
    public Splits withInputs(UnaryOperator<ExampleSet> convert, long[] inputShape) {
        Map<String, ExampleSet> others = new LinkedHashMap<>();
        otherTests.forEach((name, set) -> others.put(name, convert.apply(set)));
        return new Splits(convert.apply(train), convert.apply(val), convert.apply(test), classNames, inputShape,
                counts, targetShape, others);
    }
}
