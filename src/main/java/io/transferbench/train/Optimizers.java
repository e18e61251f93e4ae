package io.transferbench.train;

import ai.djl.training.optimizer.AdamW;
import ai.djl.training.optimizer.Optimizer;
import io.transferbench.suite.TrainingSpec;

/** Builds the optimizer a suite names, driven by per-parameter learning rates. */
final class Optimizers {

    private Optimizers() {}

    static Optimizer create(TrainingSpec training, LearningRates lr) {
        float wd = (float) training.weightDecay();
        float momentum = training.momentum().floatValue();
        return switch (training.optimizer()) {
            case "adamw" -> AdamW.builder().optLearningRateTracker(lr).optWeightDecays(wd).build();
            case "sgd" -> training.nesterov()
                    ? NesterovSgd.builder().learningRates(lr).momentum(momentum).optWeightDecays(wd).build()
                    : Optimizer.sgd().setLearningRateTracker(lr).optMomentum(momentum).optWeightDecays(wd).build();
            default -> throw new IllegalArgumentException("unknown optimizer " + training.optimizer());
        };
    }
}
