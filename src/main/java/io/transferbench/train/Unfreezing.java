package io.transferbench.train;

import io.transferbench.spec.TrainingSpec;

/**
 * When the stages of a gradual cell unfreeze: for the first period only the head trains, then one
 * more stage from the top down each period, until the cell's freeze depth is reached. A stage
 * learns at {@code lrScale} times the rate of the stage unfrozen before it (the top stage at
 * {@code lrScale} times the base rate), so later, more general stages move less.
 *
 * @param periodSteps optimizer steps between two unfreezes
 */
record Unfreezing(int stageCount, int finalFrozen, long periodSteps, double lrScale) {

    /**
     * @param totalSteps the cell's optimizer steps: the last unfreeze must leave some of them
     * @throws IllegalArgumentException when the unfreezing would not reach the depth in time
     */
    static Unfreezing of(TrainingSpec.GradualSpec spec, int stageCount, int finalFrozen, long stepsPerEpoch,
                         long totalSteps) {
        long period = spec.unfreezeEverySteps() != null ? spec.unfreezeEverySteps()
                : Math.max(1, Math.round(spec.unfreezeEveryEpochs() * stepsPerEpoch));
        long lastUnfreeze = (stageCount - finalFrozen) * period;
        if (lastUnfreeze >= totalSteps) {
            throw new IllegalArgumentException("training.gradual: unfreezing " + (stageCount - finalFrozen)
                    + " stages, one every " + period + " steps, reaches freeze depth " + finalFrozen + " at step "
                    + lastUnfreeze + ", but the cell trains " + totalSteps + " steps (" + stepsPerEpoch
                    + " an epoch): unfreeze more often or train longer");
        }
        return new Unfreezing(stageCount, finalFrozen, period, spec.unfreezeLrScale());
    }

    /** The stages frozen during optimizer step {@code step} (0-based). */
    int frozenAt(long step) {
        return (int) Math.max(finalFrozen, stageCount - step / periodSteps);
    }

    /** Stage {@code stage}'s learning-rate multiplier: one factor of {@code lrScale} per stage unfrozen up to it. */
    double stageScale(int stage) {
        return Math.pow(lrScale, stageCount - stage);
    }
}
