package io.transferbench.models.bert;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.transferbench.data.BatchPlan;
import io.transferbench.data.ClassLabels;
import io.transferbench.data.ExampleSet;
import io.transferbench.data.TextExamples;

import java.util.Arrays;
import java.util.Optional;

/**
 * Texts as token ids, truncated to {@code max-length} and padded with id 0: to the longest
 * sequence of each batch ({@code padding: longest}), or always to {@code max-length}.
 */
final class TokenizedText implements ExampleSet {

    private final long[] ids;
    private final int[] labels;
    private final int maxLength;
    /** Each sequence's real token count, when batches pad only to their longest; null when they pad to {@code maxLength}. */
    private final int[] lengths;

    private TokenizedText(long[] ids, int[] labels, int maxLength, int[] lengths) {
        this.ids = ids;
        this.labels = labels;
        this.maxLength = maxLength;
        this.lengths = lengths;
    }

    /**
     * Tokenises all texts; the tokenizer must pad and truncate to {@code maxLength}.
     *
     * @param padToLongest pad a batch only to its longest sequence, rather than to {@code maxLength}
     */
    static TokenizedText of(TextExamples texts, HuggingFaceTokenizer tokenizer, int maxLength, boolean padToLongest) {
        Encoding[] encodings = tokenizer.batchEncode(texts.texts());
        long[] ids = new long[encodings.length * maxLength];
        int[] lengths = new int[encodings.length];
        for (int i = 0; i < encodings.length; i++) {
            long[] row = encodings[i].getIds();
            if (row.length != maxLength) {
                throw new IllegalStateException("tokenizer gave " + row.length + " ids, expected " + maxLength);
            }
            System.arraycopy(row, 0, ids, i * maxLength, maxLength);
            lengths[i] = (int) Arrays.stream(encodings[i].getAttentionMask()).sum();
        }
        return new TokenizedText(ids, texts.labels(), maxLength, padToLongest ? lengths : null);
    }

    @Override
    public int size() {
        return labels.length;
    }

    /** The fraction of positions that hold real tokens rather than padding, were every sequence padded to {@code max-length}. */
    double fill() {
        long real = 0;
        for (long id : ids) {
            real += id != 0 ? 1 : 0;
        }
        return ids.length == 0 ? 0 : real / (double) ids.length;
    }

    @Override
    public Optional<int[]> lengths() {
        return Optional.ofNullable(lengths);
    }

    @Override
    public NDList inputs(NDManager manager, int[] indices) {
        int length = lengths == null ? maxLength : BatchPlan.longest(lengths, indices);
        long[] x = new long[indices.length * length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(ids, indices[i] * maxLength, x, i * length, length);
        }
        return new NDList(manager.create(x, new Shape(indices.length, length)));
    }

    @Override
    public NDList targets(NDManager manager, int[] indices) {
        return ClassLabels.select(manager, labels, indices);
    }
}
