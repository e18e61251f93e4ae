package io.transferbench.train;

import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import io.transferbench.spec.TrainingSpec;

/** Builds the optimizer a suite names, driven by per-parameter learning rates. */
final class Optimizers {

    private Optimizers() {}

    /**
     * @param stateOwner the manager that holds the optimizer's state and frees it with the cell
     */
    static Optimizer create(TrainingSpec training, LearningRates lr, NDManager stateOwner) {
        float wd = (float) training.weightDecay();
        if (wd == 0 || training.decaysBiasesAndNorms()) {
            return create(training, lr, stateOwner, wd);
        }
        return new DecayGroups(create(training, lr, stateOwner, wd), create(training, lr, stateOwner, 0));
    }

    private static Optimizer create(TrainingSpec training, LearningRates lr, NDManager stateOwner, float wd) {
        float momentum = training.momentum().floatValue();
        return switch (training.optimizer()) {
            case "adamw" -> InPlaceAdamW.builder().learningRates(lr).stateOwner(stateOwner).optWeightDecays(wd).build();
            case "sgd" -> training.nesterov()
                    ? NesterovSgd.builder().learningRates(lr).momentum(momentum).stateOwner(stateOwner).optWeightDecays(wd)
                            .build()
                    : new OwnedStateOptimizers.OwnedSgd(Optimizer.sgd().setLearningRateTracker(lr).optMomentum(momentum)
                            .optWeightDecays(wd), stateOwner);
            default -> throw new IllegalArgumentException("unknown optimizer " + training.optimizer());
        };
    }
}
