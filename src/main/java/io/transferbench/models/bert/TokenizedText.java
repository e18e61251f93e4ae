package io.transferbench.models.bert;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.transferbench.data.ClassLabels;
import io.transferbench.data.ExampleSet;
import io.transferbench.data.TextExamples;

/**
 * Texts as token ids, every sequence padded with id 0 (or truncated) to one length, so that batches
 * and cached frozen-layer outputs all have the same shape.
 */
final class TokenizedText implements ExampleSet {

    private final long[] ids;
    private final int[] labels;
    private final int length;

    private TokenizedText(long[] ids, int[] labels, int length) {
        this.ids = ids;
        this.labels = labels;
        this.length = length;
    }

    /** Tokenises all texts; the tokenizer must pad and truncate to {@code length}. */
    static TokenizedText of(TextExamples texts, HuggingFaceTokenizer tokenizer, int length) {
        Encoding[] encodings = tokenizer.batchEncode(texts.texts());
        long[] ids = new long[encodings.length * length];
        for (int i = 0; i < encodings.length; i++) {
            long[] row = encodings[i].getIds();
            if (row.length != length) {
                throw new IllegalStateException("tokenizer gave " + row.length + " ids, expected " + length);
            }
            System.arraycopy(row, 0, ids, i * length, length);
        }
        return new TokenizedText(ids, texts.labels(), length);
    }

    @Override
    public int size() {
        return labels.length;
    }

    /** The fraction of positions that hold real tokens rather than padding. */
    double fill() {
        long real = 0;
        for (long id : ids) {
            real += id != 0 ? 1 : 0;
        }
        return ids.length == 0 ? 0 : real / (double) ids.length;
    }

    @Override
    public NDList inputs(NDManager manager, int[] indices) {
        long[] x = new long[indices.length * length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(ids, indices[i] * length, x, i * length, length);
        }
        return new NDList(manager.create(x, new Shape(indices.length, length)));
    }

    @Override
    public NDList targets(NDManager manager, int[] indices) {
        return ClassLabels.select(manager, labels, indices);
    }
}
