package io.transferbench.data;

import java.util.List;
import java.util.Map;

/**
 * A dataset ready for a cell: train, validation and test splits that never share an example,
 * the class names, the shape of one input, counts worth recording (examples skipped as
 * unreadable, class balance), and the shape of one example's target (none for a class label;
 * height and width for a mask).
 */
public record Splits(
        ExampleSet train,
        ExampleSet val,
        ExampleSet test,
        List<String> classNames,
        long[] inputShape,
        Map<String, Long> counts,
        long[] targetShape) {

    /** Splits of one class label per example. */
    public Splits(ExampleSet train, ExampleSet val, ExampleSet test, List<String> classNames, long[] inputShape,
                  Map<String, Long> counts) {
        this(train, val, test, classNames, inputShape, counts, new long[0]);
    }

    /** The count of examples skipped as unreadable (corrupt, undecodable), when a reader skips any. */
    public static final String SKIPPED = "skipped";

    /** What the task needs to know about the targets. */
    public Targets targets() {
        return new Targets(classNames, targetShape);
    }

    /** The same examples as other inputs (tokenised text, say), with the same names and counts. */
    public Splits withInputs(ExampleSet train, ExampleSet val, ExampleSet test, long[] inputShape) {
        return new Splits(train, val, test, classNames, inputShape, counts, targetShape);
    }
}
