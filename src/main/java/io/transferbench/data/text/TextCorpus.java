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
    private long skipped;

    TextCorpus(List<String> classNames) {
        this.classNames = List.copyOf(classNames);
    }

    void add(String text, int label, String group) {
        texts.add(text);
        labels.add(label);
        groups.add("group:" + group, "text:" + text);
    }

    /** Counts an item that could not be read or decoded; the cell record shows the total. */
    void skip() {
        skipped++;
    }

    int size() {
        return texts.size();
    }

    Splits splits(DatasetSpec spec) {
        SplitPlan plan = SplitPlan.of(groups.names(), spec.valFraction(), spec.testFraction(), spec.splitSeed(), spec.limit());
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        Map<String, Long> counts = plan.counts(y, classNames);
        counts.put(Splits.SKIPPED, skipped);
        return new Splits(TextExamples.select(texts, y, plan.train()), TextExamples.select(texts, y, plan.val()),
                TextExamples.select(texts, y, plan.test()), classNames, new long[0], counts);
    }
}
