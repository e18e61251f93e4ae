package io.transferbench.models.speech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.transferbench.data.ExampleSet;
import io.transferbench.data.audio.AudioClips;
import io.transferbench.data.audio.ClipAugmentation;
import io.transferbench.weights.NamedTensor;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

/**
 * Waveforms become the network's log-mel input: short clips are padded to one window, plain sets
 * are converted once, and an augmented training view is converted batch by batch.
 */
class LogMelClipsTest {

    private static final LogMelFrontEnd FRONT_END = frontEnd();

    private static LogMelFrontEnd frontEnd() {
        float[] mel = new float[257 * 32];
        for (int k = 0; k < 256; k++) {
            mel[k * 32 + k / 8] = 1;
        }
        return new LogMelFrontEnd(new NamedTensor("1.melW", new long[] {257, 32}, mel));
    }

    private static float[] noise(int n, long seed) {
        java.util.Random r = new java.util.Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (0.1 * r.nextGaussian());
        }
        return x;
    }

    @Test
    void shortClipsArePaddedToOneWindowWithSilence() {
        int samples = 8000;
        AudioClips clips = new AudioClips(List.of(noise(samples, 1)), new int[] {3}, samples);
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            LogMelClips mel = new LogMelClips(clips, FRONT_END, samples, m);
            NDArray x = mel.inputs(m, new int[] {0}).singletonOrThrow();
            assertArrayEquals(new long[] {1, 76, 32}, x.getShape().getShape());
            float[] padded = Arrays.copyOf(noise(samples, 1), LogMelFrontEnd.samplesFor(76));
            assertArrayEquals(FRONT_END.features(padded), x.toFloatArray(), 1e-6f);
            assertEquals(3, mel.targets(m, new int[] {0}).singletonOrThrow().getInt(0));
        }
    }

    @Test
    void anAugmentedTrainingViewIsConvertedPerBatch() {
        int samples = 16_000;
        AudioClips plain = new AudioClips(List.of(noise(samples, 1), noise(samples, 2)), new int[] {0, 1}, samples);
        AudioClips augmented = new AudioClips(List.of(noise(samples, 1), noise(samples, 2)), new int[] {0, 1}, samples,
                ClipAugmentation.STANDARD);
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            LogMelClips still = new LogMelClips(plain, FRONT_END, samples, m);
            assertSame(still, still.forTraining(1));
            LogMelClips changing = new LogMelClips(augmented, FRONT_END, samples, m);
            assertFalse(changing.augmented(), "validation and test views stay as recorded");
            ExampleSet view = changing.forTraining(1);
            assertTrue(view.augmented(), "so the trainer does not cache frozen features of it");
            int[] both = {0, 1};
            float[] recorded = changing.inputs(m, both).singletonOrThrow().toFloatArray();
            assertArrayEquals(still.inputs(m, both).singletonOrThrow().toFloatArray(), recorded);
            assertFalse(Arrays.equals(recorded, view.inputs(m, both).singletonOrThrow().toFloatArray()));
        }
    }
}
