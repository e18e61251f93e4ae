package io.transferbench.train;

import io.transferbench.spec.CellSpec;
import io.transferbench.spec.Strategy;

import java.util.List;

/**
 * A stretch of training with one set of frozen stages and one optimizer. Fine-tuning and scratch
 * are one phase; LP-FT is a linear probe phase followed by a fine-tuning phase.
 */
record Phase(String name, int frozenStages, int epochs, double lrScale) {

    static List<Phase> plan(CellSpec spec, int stageCount) {
        int frozen = spec.freeze().frozenStages(stageCount);
        if (spec.strategy() == Strategy.LP_FT) {
            var lpFt = spec.training().lpFt();
            return List.of(
                    new Phase("probe", stageCount, lpFt.probeEpochs(), lpFt.probeLrScale()),
                    new Phase("finetune", frozen, spec.training().epochs(), lpFt.finetuneLrScale()));
        }
        if (spec.strategy() == Strategy.SCRATCH) {
            return List.of(new Phase("scratch", frozen, spec.training().epochs(), 1.0));
        }
        return frozen == stageCount
                ? List.of(new Phase("probe", frozen, spec.training().probeEpochs(), 1.0))
                : List.of(new Phase("finetune", frozen, spec.training().epochs(), 1.0));
    }
}
