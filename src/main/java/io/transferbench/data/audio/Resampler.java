package io.transferbench.data.audio;

/**
 * Band-limited resampling by windowed-sinc interpolation (Smith's bandlimited interpolation, as
 * libsamplerate and resampy do it): each output sample is the input convolved with a low-pass
 * sinc whose cutoff is the lower of the two Nyquist frequencies (times a 0.95 roll-off, so the
 * transition band ends below it), tapered by a Kaiser window (beta 8.6, 16 zero crossings per
 * side). Downsampling 44.1 kHz to 16 kHz thus removes what lies above 8 kHz instead of folding it
 * back as aliases. Deterministic: plain double arithmetic.
 */
public final class Resampler {

    private static final double ROLL_OFF = 0.95;
    private static final int ZERO_CROSSINGS = 16;
    private static final double KAISER_BETA = 8.6;

    private Resampler() {
    }

    public static Waveform to(Waveform in, int rate) {
        if (in.sampleRate() == rate) {
            return in;
        }
        return new Waveform(resample(in.samples(), in.sampleRate(), rate, Integer.MAX_VALUE), rate);
    }

    /**
     * At most {@code maxOut} output samples of {@code x} resampled from {@code from} to {@code to} Hz;
     * only the input those samples need is read, so a long clip can be cut cheaply.
     */
    public static float[] resample(float[] x, int from, int to, int maxOut) {
        double ratio = (double) to / from;
        int outLength = (int) Math.min(maxOut, Math.floor(x.length * ratio));
        double cutoff = Math.min(1.0, ratio) * ROLL_OFF;
        double halfWidth = ZERO_CROSSINGS / cutoff;
        float[] out = new float[outLength];
        for (int n = 0; n < outLength; n++) {
            double t = n / ratio;
            int first = Math.max(0, (int) Math.ceil(t - halfWidth));
            int last = Math.min(x.length - 1, (int) Math.floor(t + halfWidth));
            double sum = 0;
            for (int k = first; k <= last; k++) {
                sum += x[k] * kernel(Math.abs(t - k) * cutoff);
            }
            out[n] = (float) (sum * cutoff);
        }
        return out;
    }

    /** Table steps per zero crossing; linear interpolation between them is accurate to ~1e-6. */
    private static final int RESOLUTION = 512;
    private static final double[] KERNEL = kernelTable();

    /** The Kaiser-windowed sinc at {@code u} zero crossings from its centre. */
    private static double kernel(double u) {
        double position = u * RESOLUTION;
        int i = (int) position;
        if (i >= KERNEL.length - 1) {
            return 0;
        }
        double f = position - i;
        return KERNEL[i] + f * (KERNEL[i + 1] - KERNEL[i]);
    }

    private static double[] kernelTable() {
        double[] table = new double[ZERO_CROSSINGS * RESOLUTION + 1];
        double norm = besselI0(KAISER_BETA);
        for (int i = 0; i < table.length; i++) {
            double u = (double) i / RESOLUTION;
            double r = u / ZERO_CROSSINGS;
            table[i] = sinc(u) * besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r))) / norm;
        }
        return table;
    }

    private static double sinc(double u) {
        return u == 0 ? 1 : Math.sin(Math.PI * u) / (Math.PI * u);
    }

    /** The modified Bessel function of the first kind, order 0, by its power series. */
    static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        double half = x / 2;
        for (int k = 1; k < 50; k++) {
            term *= (half / k) * (half / k);
            sum += term;
            if (term < 1e-12 * sum) {
                break;
            }
        }
        return sum;
    }
}
