package io.transferbench.data.audio;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.transferbench.data.ClassLabels;
import io.transferbench.data.ExampleSet;

import io.transferbench.data.AugmentedView;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Labelled clips of one length, 16 kHz mono: inputs {@code [batch, samples]}, one class index per
 * clip. Clips are held as decoded floats, so a batch is a copy. With an augmentation, the view
 * {@link #forTraining} returns changes every clip of every batch at random; this set itself
 * always gives the clips as recorded.
 */
public final class AudioClips implements ExampleSet {

    private final List<float[]> clips;
    private final int[] labels;
    private final int length;
    private final ClipAugmentation augmentation;

    public AudioClips(List<float[]> clips, int[] labels, int length) {
        this(clips, labels, length, ClipAugmentation.NONE);
    }

    public AudioClips(List<float[]> clips, int[] labels, int length, ClipAugmentation augmentation) {
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
        this.augmentation = augmentation;
    }

    /** The clips at {@code rows} of a larger collection, in that order. */
    public static AudioClips select(List<float[]> clips, int[] labels, int length, int[] rows) {
        return select(clips, labels, length, rows, ClipAugmentation.NONE);
    }

    public static AudioClips select(List<float[]> clips, int[] labels, int length, int[] rows,
                                    ClipAugmentation augmentation) {
        float[][] picked = new float[rows.length][];
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            picked[i] = clips.get(rows[i]);
            y[i] = labels[rows[i]];
        }
        return new AudioClips(List.of(picked), y, length, augmentation);
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
        return waveforms(manager, indices, null);
    }

    private NDList waveforms(NDManager manager, int[] indices, long[] seeds) {
        float[] x = new float[indices.length * length];
        for (int i = 0; i < indices.length; i++) {
            float[] clip = clips.get(indices[i]);
            if (seeds != null) {
                clip = augmentation.apply(clip, new SplittableRandom(seeds[i]));
            }
            System.arraycopy(clip, 0, x, i * length, length);
        }
        return new NDList(manager.create(x, new Shape(indices.length, length)));
    }

    @Override
    public ExampleSet forTraining(long seed) {
        return augmentation.enabled() ? AugmentedView.ofInputs(this, seed, this::waveforms) : this;
    }

    @Override
    public NDList targets(NDManager manager, int[] indices) {
        return ClassLabels.select(manager, labels, indices);
    }
}
