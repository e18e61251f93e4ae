package io.transferbench.data.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * 44.1 and 48 kHz to 16 kHz: tones in the pass band keep their amplitude and frequency, tones
 * above the new Nyquist frequency (8 kHz) are removed instead of folding back as aliases.
 */
class ResamplerTest {

    private static float[] tone(double hertz, int rate, int samples) {
        float[] x = new float[samples];
        for (int n = 0; n < samples; n++) {
            x[n] = (float) (0.5 * Math.sin(2 * Math.PI * hertz * n / rate));
        }
        return x;
    }

    /** RMS over the middle half, away from the edges where the filter runs out of input. */
    private static double middleRms(float[] x) {
        double sum = 0;
        int from = x.length / 4;
        int to = 3 * x.length / 4;
        for (int i = from; i < to; i++) {
            sum += x[i] * x[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    @Test
    void passBandTonesKeepAmplitudeAndFrequency() {
        for (int rate : new int[] {44_100, 48_000}) {
            float[] out = Resampler.resample(tone(1000, rate, rate), rate, 16_000, Integer.MAX_VALUE);
            assertEquals(16_000, out.length);
            float[] expected = tone(1000, 16_000, 16_000);
            double error = 0;
            for (int i = 4000; i < 12_000; i++) {
                error = Math.max(error, Math.abs(out[i] - expected[i]));
            }
            assertTrue(error < 1e-3, rate + " Hz: a 1 kHz tone differs from the ideal by " + error);
        }
    }

    @Test
    void tonesAboveTheNewNyquistAreSuppressedNotAliased() {
        // 11 kHz at 44.1 kHz would alias to 5 kHz at 16 kHz if merely decimated.
        float[] out = Resampler.resample(tone(11_000, 44_100, 44_100), 44_100, 16_000, Integer.MAX_VALUE);
        double attenuationDb = 20 * Math.log10(middleRms(out) / (0.5 / Math.sqrt(2)));
        assertTrue(attenuationDb < -60, "11 kHz kept at " + attenuationDb + " dB");
    }

    @Test
    void outputIsCutAtTheRequestedLengthAndSameRateIsUntouched() {
        float[] x = tone(440, 44_100, 44_100);
        assertEquals(8000, Resampler.resample(x, 44_100, 16_000, 8000).length);
        Waveform w = new Waveform(x, 16_000);
        assertArrayEquals(x, Resampler.to(w, 16_000).samples());
    }
}
