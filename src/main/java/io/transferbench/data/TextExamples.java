package io.transferbench.data;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import java.util.List;

/**
 * Labelled raw texts. They only become arrays through a text model family, which tokenises them
 * with its own vocabulary ({@code ModelFamily.prepareInputs}); the suite schema pairs text
 * datasets with text models, so {@link #batch} is never reached in a run.
 */
public record TextExamples(List<String> texts, int[] labels) implements ExampleSet {

    public TextExamples {
        texts = List.copyOf(texts);
        if (texts.size() != labels.length) {
            throw new IllegalArgumentException(texts.size() + " texts but " + labels.length + " labels");
        }
    }

    /** The examples at {@code rows} of a larger collection, in that order. */
    public static TextExamples select(List<String> texts, int[] labels, int[] rows) {
        String[] t = new String[rows.length];
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            t[i] = texts.get(rows[i]);
            y[i] = labels[rows[i]];
        }
        return new TextExamples(List.of(t), y);
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public NDList inputs(NDManager manager, int[] indices) {
        throw new IllegalStateException("raw texts have no array form; a text model family tokenises them first");
    }

    @Override
    public NDList targets(NDManager manager, int[] indices) {
        return ClassLabels.select(manager, labels, indices);
    }
}
