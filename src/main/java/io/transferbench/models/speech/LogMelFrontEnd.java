package io.transferbench.models.speech;

import io.transferbench.weights.NamedTensor;

import java.util.Arrays;

/**
 * The speech_embedding front end, as {@code melspectrogram.onnx} computes it, in Java: frames of
 * 512 samples every 160 (16 kHz; no padding, so {@code (n - 512) / 160 + 1} frames), a periodic
 * Hann window of 400 samples centred in each frame, the power spectrum, the export's own
 * {@code [257, 32]} mel matrix, {@code 10 log10} with a floor of 1e-10, values more than 80 dB below
 * the clip's loudest cut to that level, and then the original pipeline's {@code x / 10 + 2}.
 *
 * <p>It is not a network stage: it has nothing to train, and keeping it out of the stages means
 * no freeze depth, fine-tuning or scratch initialisation can touch it. The ONNX graph takes the
 * 80 dB reference over the whole batch it is given; here it is each clip's own, so a clip's
 * features never depend on what it was batched with (the two agree for a batch of one).
 */
public final class LogMelFrontEnd {

    public static final int SAMPLE_RATE = 16_000;
    public static final int FRAME = 512;
    public static final int HOP = 160;
    public static final int WINDOW = 400;
    public static final int MEL_BINS = 32;
    static final int SPECTRUM_BINS = FRAME / 2 + 1;
    private static final double FLOOR = 1e-10;
    private static final double TOP_DB = 80;

    private final double[] melMatrix;
    private final double[] window;
    private final RealFft fft = new RealFft(FRAME);

    /** @param melMatrix the export's {@code 1.melW}, {@code [257, 32]} */
    public LogMelFrontEnd(NamedTensor melMatrix) {
        if (!Arrays.equals(melMatrix.shape(), new long[] {SPECTRUM_BINS, MEL_BINS})) {
            throw new IllegalArgumentException("mel matrix " + melMatrix + " is not [" + SPECTRUM_BINS + ", "
                    + MEL_BINS + "]");
        }
        this.melMatrix = new double[melMatrix.data().length];
        for (int i = 0; i < this.melMatrix.length; i++) {
            this.melMatrix[i] = melMatrix.data()[i];
        }
        this.window = new double[FRAME];
        int offset = (FRAME - WINDOW) / 2;
        for (int n = 0; n < WINDOW; n++) {
            window[offset + n] = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / WINDOW);
        }
    }

    /** Frames of a clip of {@code samples} samples; a clip shorter than one frame has none. */
    public static int frameCount(int samples) {
        return samples < FRAME ? 0 : (samples - FRAME) / HOP + 1;
    }

    /** Samples a clip needs for {@code frames} frames. */
    public static int samplesFor(int frames) {
        return FRAME + (frames - 1) * HOP;
    }

    /** Log-mel frames in decibels, row-major {@code [frames, 32]}, before the {@code /10 + 2} step. */
    public float[] decibels(float[] samples) {
        int frames = frameCount(samples.length);
        if (frames == 0) {
            throw new IllegalArgumentException("a clip of " + samples.length + " samples is shorter than one "
                    + FRAME + "-sample frame");
        }
        double[] db = new double[frames * MEL_BINS];
        double[] frame = new double[FRAME];
        double loudest = Double.NEGATIVE_INFINITY;
        for (int f = 0; f < frames; f++) {
            for (int n = 0; n < FRAME; n++) {
                frame[n] = samples[f * HOP + n] * window[n];
            }
            double[] power = fft.power(frame);
            for (int m = 0; m < MEL_BINS; m++) {
                double mel = 0;
                for (int k = 0; k < SPECTRUM_BINS; k++) {
                    mel += power[k] * melMatrix[k * MEL_BINS + m];
                }
                double value = 10 * Math.log10(Math.max(mel, FLOOR));
                db[f * MEL_BINS + m] = value;
                loudest = Math.max(loudest, value);
            }
        }
        float[] out = new float[db.length];
        for (int i = 0; i < db.length; i++) {
            out[i] = (float) Math.max(db[i], loudest - TOP_DB);
        }
        return out;
    }

    /** The embedding network's input: log-mel frames {@code [frames, 32]} as {@code dB / 10 + 2}. */
    public float[] features(float[] samples) {
        float[] db = decibels(samples);
        for (int i = 0; i < db.length; i++) {
            db[i] = db[i] / 10f + 2f;
        }
        return db;
    }
}
