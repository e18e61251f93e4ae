package io.transferbench.data.audio;

/**
 * Mono audio: samples in -1..1 at {@code sampleRate} Hz.
 */
public record Waveform(float[] samples, int sampleRate) {

    public Waveform {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
    }

    public double seconds() {
        return samples.length / (double) sampleRate;
    }

    /** The largest absolute sample value. */
    public float peak() {
        float peak = 0;
        for (float v : samples) {
            peak = Math.max(peak, Math.abs(v));
        }
        return peak;
    }
}
