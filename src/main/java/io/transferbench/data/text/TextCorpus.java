package io.transferbench.data.text;

import io.transferbench.data.ExampleGroups;
import io.transferbench.data.SplitPlan;
import io.transferbench.data.Splits;
import io.transferbench.data.TextExamples;
import io.transferbench.spec.DatasetSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Labelled texts as a reader collects them, each with the group it belongs to (an email's
 * message id, a passage's document), and how many items it had to skip. Splitting by group keeps
 * every copy of an email, and every passage of a document, inside one split. Identical texts are
 * put in one group too: the corpus holds the same newsletter under different message ids, and a
 * test example seen verbatim in training measures memory, not transfer.
 */
final class TextCorpus {

    private final List<String> classNames;
    private final List<String> texts = new ArrayList<>();
    private final List<Integer> labels = new ArrayList<>();
    private final ExampleGroups groups = new ExampleGroups();
    /** The split each text's source names; empty unless the source names splits. */
    private final List<SplitPlan.Assigned> assigned = new ArrayList<>();
    private long skipped;

    TextCorpus(List<String> classNames) {
        this.classNames = List.copyOf(classNames);
    }

    void add(String text, int label, String group) {
        texts.add(text);
        labels.add(label);
        groups.add("group:" + group, "text:" + text);
    }

    /** Adds a text that its source puts in split {@code split}. */
    void add(String text, int label, String group, SplitPlan.Assigned split) {
        if (assigned.size() != texts.size()) {
            throw new IllegalStateException("texts with and without a given split in one corpus");
        }
        add(text, label, group);
        assigned.add(split);
    }

    /** Counts an item that could not be read or decoded; the cell record shows the total. */
    void skip() {
        skip(1);
    }

    void skip(long count) {
        skipped += count;
    }

    int size() {
        return texts.size();
    }

    Splits splits(DatasetSpec spec) {
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        SplitPlan plan = assigned.isEmpty()
                ? SplitPlan.of(groups.names(), spec.valFraction(), spec.testFraction(), spec.splitSeed(), spec.limit())
                : SplitPlan.given(assigned, groups.names(), y, spec.valFraction(), spec.splitSeed(), spec.limit());
        Map<String, Long> counts = plan.counts(y, classNames);
        counts.put(Splits.SKIPPED, skipped);
        return new Splits(TextExamples.select(texts, y, plan.train()), TextExamples.select(texts, y, plan.val()),
                TextExamples.select(texts, y, plan.test()), classNames, new long[0], counts);
    }
}
