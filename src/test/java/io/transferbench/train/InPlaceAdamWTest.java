package io.transferbench.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.AdamW;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The in-place AdamW against PyTorch's AdamW and against DJL's engine kernel. */
class InPlaceAdamWTest {

    private static final float[][] GRADS = {{0.5f, 0.25f}, {-1.0f, 0.5f}, {0.2f, -0.1f}};

    @Test
    void threeStepsMatchPyTorchsAdamWWithWeightDecay() {
        // torch.optim.AdamW([w], lr=0.1, weight_decay=0.01, betas=(0.9, 0.999), eps=1e-8), w = (1, -2),
        // these three gradients, PyTorch 2.13:
        float[][] torch = {{0.89900005f, -2.09800005f}, {0.93471140f, -2.19242024f}, {0.95037842f, -2.25241399f}};
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            InPlaceAdamW adamw = InPlaceAdamW.builder().learningRates((id, step) -> 0.1f).stateOwner(manager)
                    .optWeightDecays(0.01f).build();
            NDArray w = manager.create(new float[] {1.0f, -2.0f});
            for (int step = 0; step < GRADS.length; step++) {
                adamw.update("w", w, manager.create(GRADS[step]));
                assertArrayEquals(torch[step], w.toFloatArray(), 2e-6f, "step " + (step + 1));
            }
        }
    }

    @Test
    void matchesDjlsEngineKernelOnAParameterOfRealSize() {
        Random random = new Random(7);
        float[] start = new float[4096];
        for (int i = 0; i < start.length; i++) {
            start[i] = (float) random.nextGaussian();
        }
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            InPlaceAdamW ours = InPlaceAdamW.builder().learningRates((id, step) -> 1e-3f).stateOwner(manager)
                    .optWeightDecays(0.01f).build();
            AdamW djl = AdamW.builder().optLearningRateTracker((id, step) -> 1e-3f).optWeightDecays(0.01f).build();
            NDArray a = manager.create(start);
            NDArray b = manager.create(start);
            for (int step = 0; step < 5; step++) {
                NDArray grad = manager.randomNormal(a.getShape());
                // ours consumes the gradient it is handed (see its Javadoc)
                ours.update("p", a, grad.duplicate());
                djl.update("p", b, grad);
            }
            // weights of size about 1: the same maths, rounded in another order
            assertEquals(0, a.sub(b).abs().max().getFloat(), 1e-5, "the same maths, other rounding");
        }
    }

    @Test
    void eachParameterKeepsItsOwnMomentsAsDjlsAdamWDoes() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            InPlaceAdamW ours = InPlaceAdamW.builder().learningRates((id, step) -> 0.1f).stateOwner(manager).build();
            AdamW djl = AdamW.builder().optLearningRateTracker((id, step) -> 0.1f).optWeightDecays(0f).build();
            NDArray[] mine = {manager.create(new float[] {0f}), manager.create(new float[] {1f})};
            NDArray[] theirs = {manager.create(new float[] {0f}), manager.create(new float[] {1f})};
            float[][] grads = {{1f}, {-3f}, {2f}, {0.5f}};
            for (int i = 0; i < grads.length; i++) {
                String id = i % 2 == 0 ? "a" : "b";
                ours.update(id, mine[i % 2], manager.create(grads[i]));
                djl.update(id, theirs[i % 2], manager.create(grads[i]));
            }
            for (int p = 0; p < 2; p++) {
                assertArrayEquals(theirs[p].toFloatArray(), mine[p].toFloatArray(), 1e-6f, "parameter " + p);
            }
        }
    }

    @Test
    void aParameterThatStartsTrainingLateCorrectsItsFreshMomentsFromItsOwnFirstStep() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            InPlaceAdamW adamw = InPlaceAdamW.builder().learningRates((id, step) -> 0.1f).stateOwner(manager).build();
            NDArray early = manager.create(new float[] {0f});
            for (int step = 0; step < 5; step++) {
                adamw.update("early", early, manager.create(new float[] {1f}));
            }
            NDArray late = manager.create(new float[] {0f});
            adamw.update("late", late, manager.create(new float[] {0.5f}));
            // torch.optim.AdamW's first step on a fresh parameter: lr x g / (|g| + eps / sqrt(1 - beta2)), about -lr.
            assertEquals(-0.1f, late.getFloat(), 1e-6f, "step 1 of its own, not step 6 of the optimizer's");
        }
    }
}
