package io.transferbench.data.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.transferbench.data.ExampleSet;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded clip augmentation: bounded gain, delay and noise; reproducible per cell seed and batch. */
class ClipAugmentationTest {

    private static float[] hit() {
        float[] clip = new float[4000];
        for (int i = 0; i < 2000; i++) {
            clip[i] = (float) (0.5 * Math.exp(-i / 300.0) * Math.sin(i * 0.3));
        }
        return clip;
    }

    @Test
    void changesStayWithinTheirBounds() {
        float[] clip = hit();
        for (int s = 0; s < 50; s++) {
            float[] out = ClipAugmentation.STANDARD.apply(clip, new SplittableRandom(s));
            assertEquals(clip.length, out.length);
            int onset = 0;
            while (Math.abs(out[onset]) < 0.05) {
                onset++;
            }
            assertTrue(onset <= ClipAugmentation.MAX_DELAY_SAMPLES + 10, "delay " + onset);
            double peakRatio = peak(out) / peak(clip);
            assertTrue(peakRatio > 0.45 && peakRatio < 2.1, "gain " + peakRatio);
        }
    }

    @Test
    void aCellSeedGivesTheSameBatchesAndTheUnaugmentedSetStaysAsRecorded() {
        AudioClips set = new AudioClips(List.of(hit(), hit()), new int[] {0, 1}, 4000, ClipAugmentation.STANDARD);
        assertFalse(set.augmented());
        ExampleSet a = set.forTraining(1);
        ExampleSet b = set.forTraining(1);
        assertTrue(a.augmented());
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            int[] both = {0, 1};
            float[] first = a.inputs(m, both).singletonOrThrow().toFloatArray();
            assertArrayEquals(first, b.inputs(m, both).singletonOrThrow().toFloatArray(), "same seed, same batch");
            assertFalse(Arrays.equals(first, a.inputs(m, both).singletonOrThrow().toFloatArray()), "next batch differs");
            assertFalse(Arrays.equals(first, set.forTraining(2).inputs(m, both).singletonOrThrow().toFloatArray()));
            assertArrayEquals(hit(), Arrays.copyOf(set.inputs(m, both).singletonOrThrow().toFloatArray(), 4000));
        }
        AudioClips plain = new AudioClips(List.of(hit()), new int[] {0}, 4000);
        assertSame(plain, plain.forTraining(1));
    }

    private static double peak(float[] x) {
        double p = 0;
        for (float v : x) {
            p = Math.max(p, Math.abs(v));
        }
        return p;
    }
}
