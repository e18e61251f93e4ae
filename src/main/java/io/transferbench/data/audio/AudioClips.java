package io.transferbench.data.audio;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.transferbench.data.ClassLabels;
import io.transferbench.data.ExampleSet;

import java.util.List;

/**
 * Labelled clips of one length, 16 kHz mono: inputs {@code [batch, samples]}, one class index per
 * clip. Clips are held as decoded floats, so a batch is a copy.
 */
public final class AudioClips implements ExampleSet {

    private final List<float[]> clips;
    private final int[] labels;
    private final int length;

    public AudioClips(List<float[]> clips, int[] labels, int length) {
        if (clips.size() != labels.length) {
            throw new IllegalArgumentException(clips.size() + " clips but " + labels.length + " labels");
        }
        for (float[] clip : clips) {
            if (clip.length != length) {
                throw new IllegalArgumentException("a clip of " + clip.length + " samples in a set of " + length);
            }
        }
        this.clips = List.copyOf(clips);
        this.labels = labels.clone();
        this.length = length;
    }

    /** The clips at {@code rows} of a larger collection, in that order. */
    public static AudioClips select(List<float[]> clips, int[] labels, int length, int[] rows) {
        float[][] picked = new float[rows.length][];
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = clips.get(rows[i]);
            y[i] = labels[rows[i]];
        }
        return new AudioClips(List.of(picked), y, length);
    }

    public float[] clip(int i) {
        return clips.get(i);
    }

    public int label(int i) {
        return labels[i];
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public NDList inputs(NDManager manager, int[] indices) {
        float[] x = new float[indices.length * length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(clips.get(indices[i]), 0, x, i * length, length);
        }
        return new NDList(manager.create(x, new Shape(indices.length, length)));
    }

    @Override
    public NDList targets(NDManager manager, int[] indices) {
        return ClassLabels.select(manager, labels, indices);
    }
}
