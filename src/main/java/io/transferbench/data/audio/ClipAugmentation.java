package io.transferbench.data.audio;

import java.util.SplittableRandom;

/**
 * Random changes to a training clip that keep its instrument: a gain of up to {@code ±6 dB}, a
 * delay of up to 50 ms (silence before the hit, the end cut to keep the length; one-shots start
 * at the hit, so only delays make sense) and white noise 20 to 40 dB below the clip's RMS level.
 * Each clip of each batch is drawn from its own seed, so a cell is reproducible.
 */
public record ClipAugmentation(boolean enabled) {

    public static final ClipAugmentation NONE = new ClipAugmentation(false);
    public static final ClipAugmentation STANDARD = new ClipAugmentation(true);
    static final double MAX_GAIN_DB = 6;
    static final int MAX_DELAY_SAMPLES = 800;
    static final double MIN_SNR_DB = 20;
    static final double MAX_SNR_DB = 40;

    public static ClipAugmentation of(String name) {
        return switch (name) {
            case "none" -> NONE;
            case "standard" -> STANDARD;
            default -> throw new IllegalArgumentException("augmentation '" + name + "'; allowed: none, standard");
        };
    }

    /** A randomly changed copy of {@code clip}. */
    public float[] apply(float[] clip, SplittableRandom random) {
        double gain = Math.pow(10, random.nextDouble(-MAX_GAIN_DB, MAX_GAIN_DB) / 20);
        int delay = random.nextInt(MAX_DELAY_SAMPLES + 1);
        double snrDb = random.nextDouble(MIN_SNR_DB, MAX_SNR_DB);
        double energy = 0;
        for (float v : clip) {
            energy += v * v;
        }
        double noise = Math.sqrt(energy / clip.length) * gain * Math.pow(10, -snrDb / 20);
        float[] out = new float[clip.length];
        for (int i = 0; i < out.length; i++) {
            double v = i >= delay ? clip[i - delay] * gain : 0;
            out[i] = (float) Math.max(-1, Math.min(1, v + noise * random.nextGaussian()));
        }
        return out;
    }
}
