package io.transferbench.models.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.transferbench.weights.NamedTensor;
import org.junit.jupiter.api.Test;

import java.util.Random;

/** The front end's arithmetic, on its own: FFT, framing, dB scale and the 80 dB floor. */
class LogMelFrontEndTest {

    @Test
    void fftPowerEqualsTheDirectDft() {
        Random random = new Random(7);
        double[] frame = new double[64];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = random.nextGaussian();
        }
        double[] power = new RealFft(64).power(frame);
        assertEquals(33, power.length);
        for (int k = 0; k <= 32; k++) {
            double re = 0;
            double im = 0;
            for (int n = 0; n < 64; n++) {
                re += frame[n] * Math.cos(2 * Math.PI * k * n / 64);
                im -= frame[n] * Math.sin(2 * Math.PI * k * n / 64);
            }
            assertEquals(re * re + im * im, power[k], 1e-9 * (1 + power[k]), "bin " + k);
        }
        assertThrows(IllegalArgumentException.class, () -> new RealFft(48));
    }

    @Test
    void framesAre512SamplesEvery160WithoutPadding() {
        assertEquals(0, LogMelFrontEnd.frameCount(511));
        assertEquals(1, LogMelFrontEnd.frameCount(512));
        assertEquals(1, LogMelFrontEnd.frameCount(671));
        assertEquals(2, LogMelFrontEnd.frameCount(672));
        assertEquals(97, LogMelFrontEnd.frameCount(16_000));
        assertEquals(12_512, LogMelFrontEnd.samplesFor(76), "one window of 76 frames");
        assertEquals(76, LogMelFrontEnd.frameCount(LogMelFrontEnd.samplesFor(76)));
    }

    @Test
    void aToneLandsInItsMelBinAndSilenceSitsAt80DbBelowThePeak() {
        // A mel matrix that sums spectrum bins 0-7 into mel bin 0, 8-15 into bin 1, and so on.
        float[] mel = new float[257 * 32];
        for (int k = 0; k < 256; k++) {
            mel[k * 32 + k / 8] = 1;
        }
        LogMelFrontEnd frontEnd = new LogMelFrontEnd(new NamedTensor("1.melW", new long[] {257, 32}, mel));
        float[] samples = new float[LogMelFrontEnd.samplesFor(3)];
        // 1 kHz is spectrum bin 32 of a 512-point frame at 16 kHz: mel bin 4.
        for (int n = 0; n < samples.length; n++) {
            samples[n] = (float) Math.sin(2 * Math.PI * 1000 * n / 16_000.0);
        }
        float[] db = frontEnd.decibels(samples);
        assertEquals(3 * 32, db.length);
        float peak = db[4];
        for (int m = 0; m < 32; m++) {
            assertTrue(db[m] <= peak + 1e-4, "bin " + m + " above the tone's");
            assertTrue(db[m] >= peak - 80 - 1e-4, "bin " + m + " below the 80 dB floor");
        }
        assertEquals(peak - 80, db[31], 1e-4, "no energy near 8 kHz: at the floor");
        float[] features = frontEnd.features(samples);
        assertEquals(db[4] / 10 + 2, features[4], 1e-6, "the original pipeline's x / 10 + 2");
        assertThrows(IllegalArgumentException.class, () -> frontEnd.decibels(new float[100]));
        assertThrows(IllegalArgumentException.class,
                () -> new LogMelFrontEnd(new NamedTensor("m", new long[] {256, 32}, new float[256 * 32])));
    }

    @Test
    void windowsStartEveryStepFramesAndOnlyWholeWindowsCount() {
        assertEquals(1, ClipWindows.count(76, 8));
        assertEquals(1, ClipWindows.count(83, 8));
        assertEquals(2, ClipWindows.count(84, 8));
        assertEquals(3, ClipWindows.count(97, 8), "one second of audio");
        assertThrows(IllegalArgumentException.class, () -> ClipWindows.count(75, 8));
        assertArrayEquals(new int[] {1, 3}, new int[] {ClipWindows.count(97, 76), ClipWindows.count(97, 8)});
    }
}
