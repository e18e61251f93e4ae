package io.transferbench.data.images;

import ai.djl.ndarray.NDManager;
import io.transferbench.data.Batch;
import io.transferbench.data.ExampleSet;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** What the examples of a split look like to a model: a digest of each input, and the labels. */
record SplitFingerprints(List<String> inputs, List<Integer> labels) {

    private static final int CHUNK = 512;

    static SplitFingerprints of(ExampleSet set) throws Exception {
        List<String> inputs = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int from = 0; from < set.size(); from += CHUNK) {
                int[] idx = java.util.stream.IntStream.range(from, Math.min(set.size(), from + CHUNK)).toArray();
                try (NDManager m = manager.newSubManager()) {
                    Batch b = set.batch(m, idx);
                    float[] x = b.inputs().head().toFloatArray();
                    int[] y = b.labels().head().toIntArray();
                    int per = x.length / idx.length;
                    for (int i = 0; i < idx.length; i++) {
                        inputs.add(digest(x, i * per, per));
                        labels.add(y[i]);
                    }
                }
            }
        }
        return new SplitFingerprints(inputs, labels);
    }

    /** The digest of one example's input values {@code x[from, from + length)}. */
    static String digest(float[] x, int from, int length) throws Exception {
        ByteBuffer bytes = ByteBuffer.allocate(length * 4);
        bytes.asFloatBuffer().put(x, from, length);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array()));
    }

    long countOf(int label) {
        return labels.stream().filter(l -> l == label).count();
    }
}
