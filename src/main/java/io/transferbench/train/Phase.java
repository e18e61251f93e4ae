package io.transferbench.train;

import io.transferbench.spec.CellSpec;

import java.util.List;

/**
 * A stretch of training with one optimizer and one schedule. Fine-tuning and scratch are one
 * phase with a fixed set of frozen stages; LP-FT is a linear probe phase followed by a
 * fine-tuning phase; gradual unfreezing is one phase whose frozen stages shrink as it goes.
 *
 * @param frozenStages the stages frozen at the end of the phase
 * @param unfreezing when stages unfreeze within the phase; null when they stay as they start
 */
record Phase(String name, int frozenStages, int epochs, double lrScale, Unfreezing unfreezing) {

    static List<Phase> plan(CellSpec spec, int stageCount, long stepsPerEpoch) {
        int frozen = spec.freeze().frozenStages(stageCount);
        int epochs = spec.training().epochs();
        return switch (spec.strategy()) {
            case LP_FT -> {
                var lpFt = spec.training().lpFt();
                yield List.of(
                        new Phase("probe", stageCount, lpFt.probeEpochs(), lpFt.probeLrScale(), null),
                        new Phase("finetune", frozen, epochs, lpFt.finetuneLrScale(), null));
            }
            case GRADUAL -> List.of(new Phase("gradual", frozen, epochs, 1.0, Unfreezing.of(spec.training().gradual(),
                    stageCount, frozen, stepsPerEpoch, epochs * stepsPerEpoch)));
            case SCRATCH -> List.of(new Phase("scratch", frozen, epochs, 1.0, null));
            case FINETUNE -> frozen == stageCount
                    ? List.of(new Phase("probe", frozen, spec.training().probeEpochs(), 1.0, null))
                    : List.of(new Phase("finetune", frozen, epochs, 1.0, null));
        };
    }

    /** The stages frozen during the phase's optimizer step {@code step} (0-based). */
    int frozenAt(long step) {
        return unfreezing == null ? frozenStages : unfreezing.frozenAt(step);
    }

    /** Stage {@code stage}'s learning-rate multiplier on top of layer decay. */
    double stageScale(int stage) {
        return unfreezing == null ? 1.0 : unfreezing.stageScale(stage);
    }

    /** What an epoch's curve point calls the phase, with {@code frozen} stages frozen at its end. */
    String label(int frozen) {
        return unfreezing == null ? name : name + ":frozen=" + frozen;
    }
}
