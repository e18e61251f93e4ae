package io.transferbench.models.speech;

/**
 * The discrete Fourier transform of one real frame of a power-of-two length, by an iterative
 * radix-2 complex FFT in double precision: the front end's STFT is 512-point, and a direct DFT
 * would cost 500 times more per frame.
 */
final class RealFft {

    private final int size;
    private final double[] cos;
    private final double[] sin;
    private final int[] reversed;

    RealFft(int size) {
        if (size < 2 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("FFT size must be a power of two >= 2, got " + size);
        }
        this.size = size;
        this.cos = new double[size / 2];
        this.sin = new double[size / 2];
        for (int i = 0; i < size / 2; i++) {
            cos[i] = Math.cos(2 * Math.PI * i / size);
            sin[i] = Math.sin(2 * Math.PI * i / size);
        }
        this.reversed = new int[size];
        int bits = Integer.numberOfTrailingZeros(size);
        for (int i = 0; i < size; i++) {
            reversed[i] = Integer.reverse(i) >>> (32 - bits);
        }
    }

    /**
     * The power spectrum {@code |X[k]|^2} for {@code k = 0..size/2} of {@code frame}, where
     * {@code X[k] = sum_n x[n] e^(-2 pi i k n / size)}.
     */
    double[] power(double[] frame) {
        if (frame.length != size) {
            throw new IllegalArgumentException("frame of " + frame.length + " samples for a " + size + "-point FFT");
        }
        double[] re = new double[size];
        double[] im = new double[size];
        for (int i = 0; i < size; i++) {
            re[reversed[i]] = frame[i];
        }
        for (int half = 1; half < size; half *= 2) {
            int step = size / (2 * half);
            for (int start = 0; start < size; start += 2 * half) {
                for (int j = 0; j < half; j++) {
                    double wr = cos[j * step];
                    double wi = -sin[j * step];
                    int a = start + j;
                    int b = a + half;
                    double tr = wr * re[b] - wi * im[b];
                    double ti = wr * im[b] + wi * re[b];
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
        double[] power = new double[size / 2 + 1];
        for (int k = 0; k <= size / 2; k++) {
            power[k] = re[k] * re[k] + im[k] * im[k];
        }
        return power;
    }
}
