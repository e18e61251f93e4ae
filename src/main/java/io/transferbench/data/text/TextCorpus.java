package io.transferbench.data.text;

import io.transferbench.data.SplitPlan;
import io.transferbench.data.Splits;
import io.transferbench.data.TextExamples;
import io.transferbench.suite.DatasetSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    private final List<Integer> parent = new ArrayList<>();
    private final Map<String, Integer> firstWithKey = new HashMap<>();
    private long skipped;

    TextCorpus(List<String> classNames) {
        this.classNames = List.copyOf(classNames);
    }

    void add(String text, int label, String group) {
        int i = texts.size();
        texts.add(text);
        labels.add(label);
        parent.add(i);
        join(i, "group:" + group);
        join(i, "text:" + text);
    }

    /** Union-find: example {@code i} joins the group of the first example with the same key. */
    private void join(int i, String key) {
        Integer first = firstWithKey.putIfAbsent(key, i);
        if (first != null) {
            parent.set(root(i), root(first));
        }
    }

    private int root(int i) {
        while (parent.get(i) != i) {
            parent.set(i, parent.get(parent.get(i)));
            i = parent.get(i);
        }
        return i;
    }

    /** Each example's group, named by its group's first example (stable for a fixed input order). */
    private List<String> groups() {
        List<String> groups = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            groups.add(Integer.toString(root(i)));
        }
        return groups;
    }

    /** Counts an item that could not be read or decoded; the cell record shows the total. */
    void skip() {
        skipped++;
    }

    int size() {
        return texts.size();
    }

    Splits splits(DatasetSpec spec) {
        SplitPlan plan = SplitPlan.of(groups(), spec.valFraction(), spec.testFraction(), spec.splitSeed(), spec.limit());
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        Map<String, Long> counts = new LinkedHashMap<>(plan.counts());
        counts.put(Splits.SKIPPED, skipped);
        long[] perClass = new long[classNames.size()];
        for (int i : plan.train()) {
            perClass[y[i]]++;
        }
        for (int c = 0; c < perClass.length; c++) {
            counts.put("train." + classNames.get(c), perClass[c]);
        }
        return new Splits(TextExamples.select(texts, y, plan.train()), TextExamples.select(texts, y, plan.val()),
                TextExamples.select(texts, y, plan.test()), classNames, new long[0], counts);
    }
}
