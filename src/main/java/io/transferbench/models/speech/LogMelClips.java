package io.transferbench.models.speech;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.transferbench.data.ExampleSet;

import java.util.Arrays;

/**
 * Audio clips as the embedding network's input: the source set's waveforms ({@code [batch,
 * samples]}, 16 kHz) through the log-mel front end, {@code [batch, frames, 32]}. Clips shorter
 * than one 76-frame window are padded with silence first. Sets without augmentation are converted
 * once, up front; an augmented set is converted batch by batch, since its waveforms change each
 * time (the front end takes about a millisecond per second of audio).
 */
final class LogMelClips implements ExampleSet {

    private final ExampleSet source;
    private final LogMelFrontEnd frontEnd;
    private final int samples;
    private final int frames;
    /** Every example's features, when the source is not augmented; null otherwise. */
    private final float[][] converted;

    LogMelClips(ExampleSet source, LogMelFrontEnd frontEnd, int sourceSamples, NDManager manager) {
        this.source = source;
        this.frontEnd = frontEnd;
        this.samples = Math.max(sourceSamples, LogMelFrontEnd.samplesFor(ClipWindows.minimumFrames()));
        this.frames = LogMelFrontEnd.frameCount(samples);
        this.converted = source.augmented() ? null : convertAll(manager);
    }

    static int framesFor(int sourceSamples) {
        return LogMelFrontEnd.frameCount(Math.max(sourceSamples, LogMelFrontEnd.samplesFor(ClipWindows.minimumFrames())));
    }

    /** An augmented training view of {@code base}'s source, converted batch by batch. */
    private LogMelClips(LogMelClips base, ExampleSet augmentedSource) {
        this.source = augmentedSource;
        this.frontEnd = base.frontEnd;
        this.samples = base.samples;
        this.frames = base.frames;
        this.converted = null;
    }

    private float[][] convertAll(NDManager manager) {
        float[][] out = new float[source.size()][];
        int batch = 64;
        for (int start = 0; start < source.size(); start += batch) {
            int[] indices = java.util.stream.IntStream.range(start, Math.min(source.size(), start + batch)).toArray();
            try (NDManager scratch = manager.newSubManager()) {
                float[][] rows = convert(source.inputs(scratch, indices).singletonOrThrow());
                System.arraycopy(rows, 0, out, start, rows.length);
            }
        }
        return out;
    }

    private float[][] convert(NDArray waveforms) {
        Shape shape = waveforms.getShape();
        int batch = (int) shape.get(0);
        int length = (int) shape.get(1);
        float[] all = waveforms.toFloatArray();
        float[][] rows = new float[batch][];
        for (int b = 0; b < batch; b++) {
            float[] clip = Arrays.copyOf(Arrays.copyOfRange(all, b * length, (b + 1) * length), samples);
            rows[b] = frontEnd.features(clip);
        }
        return rows;
    }

    int frames() {
        return frames;
    }

    @Override
    public int size() {
        return source.size();
    }

    @Override
    public NDList inputs(NDManager manager, int[] indices) {
        float[][] rows;
        if (converted != null) {
            rows = new float[indices.length][];
            for (int i = 0; i < indices.length; i++) {
                rows[i] = converted[indices[i]];
            }
        } else {
            try (NDManager scratch = manager.newSubManager()) {
                rows = convert(source.inputs(scratch, indices).singletonOrThrow());
            }
        }
        int width = frames * LogMelFrontEnd.MEL_BINS;
        float[] x = new float[indices.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, x, i * width, width);
        }
        return new NDList(manager.create(x, new Shape(indices.length, frames, LogMelFrontEnd.MEL_BINS)));
    }

    @Override
    public NDList targets(NDManager manager, int[] indices) {
        return source.targets(manager, indices);
    }

    /** The source's training view through the front end: batch by batch when that view is augmented. */
    @Override
    public ExampleSet forTraining(long seed) {
        ExampleSet view = source.forTraining(seed);
        if (!view.augmented()) {
            return this;
        }
        return new LogMelClips(this, view);
    }

    @Override
    public boolean augmented() {
        return source.augmented();
    }
}
