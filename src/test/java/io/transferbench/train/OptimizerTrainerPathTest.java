package io.transferbench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.AdamW;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The project's optimizers through DJL's real training path (forward, backward, {@code Trainer.step}),
 * where PyTorch adds each backward pass into the weights' gradients and only the optimizer clears
 * them: several steps of {@link InPlaceAdamW} land where DJL's own AdamW kernel lands. (Its unit
 * tests hand it gradients directly and could not see a gradient left to accumulate: a MiniLM cell
 * then trained on the running sum of its gradients, and its loss rose in the second epoch.)
 */
class OptimizerTrainerPathTest {

    @Test
    void inPlaceAdamWFollowsDjlsKernelOverManyTrainerSteps() {
        float[] ours = train(manager -> InPlaceAdamW.builder().learningRates((id, step) -> 0.01f).stateOwner(manager)
                .optWeightDecays(0.01f).build());
        float[] djl = train(manager -> AdamW.builder().optLearningRateTracker((id, step) -> 0.01f)
                .optWeightDecays(0.01f).build());
        float max = 0;
        for (int i = 0; i < ours.length; i++) {
            max = Math.max(max, Math.abs(ours[i] - djl[i]));
        }
        assertEquals(0, max, 1e-5, "weights after 8 trainer steps");
    }

    @Test
    void nesterovSgdLeavesEveryGradientCleared() {
        try (Model model = Model.newInstance("sgd")) {
            Linear linear = Linear.builder().setUnits(3).build();
            model.setBlock(linear);
            NesterovSgd sgd = NesterovSgd.builder().learningRates((id, step) -> 0.1f).momentum(0.9f)
                    .stateOwner(model.getNDManager()).build();
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(Loss.l2Loss()).optOptimizer(sgd))) {
                trainer.initialize(new Shape(4, 5));
                step(trainer, model.getNDManager(), 0);
                for (Pair<String, Parameter> p : linear.getParameters()) {
                    assertEquals(0f, p.getValue().getArray().getGradient().abs().sum().getFloat(), p.getKey());
                }
            }
        }
    }

    /** Eight steps of a small linear regression from a fixed start; the weights after them. */
    private static float[] train(Function<NDManager, Optimizer> optimizer) {
        try (Model model = Model.newInstance("adamw")) {
            Linear linear = Linear.builder().setUnits(3).build();
            model.setBlock(linear);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(optimizer.apply(model.getNDManager()));
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(4, 5));
                NDManager manager = model.getNDManager();
                linear.getParameters().get("weight").getArray()
                        .set(manager.arange(15f).reshape(3, 5).div(10f).toFloatArray());
                linear.getParameters().get("bias").getArray().set(new float[] {0.1f, -0.2f, 0.3f});
                for (int s = 0; s < 8; s++) {
                    step(trainer, manager, s);
                }
                return linear.getParameters().get("weight").getArray().toFloatArray();
            }
        }
    }

    private static void step(Trainer trainer, NDManager root, int seed) {
        try (NDManager manager = root.newSubManager()) {
            NDArray x = manager.arange(20f).reshape(4, 5).add(seed).div(20f);
            NDArray y = manager.arange(12f).reshape(4, 3).mul(seed % 3 - 1).div(12f);
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDList out = trainer.forward(new NDList(x));
                gc.backward(trainer.getLoss().evaluate(new NDList(y), out));
            }
            trainer.step();
        }
    }

}
