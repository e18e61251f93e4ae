package io.transferbench.train;

import io.transferbench.suite.CellSpec;
import io.transferbench.suite.Strategy;

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
        String name = spec.strategy() == Strategy.SCRATCH ? "scratch" : frozen == stageCount ? "probe" : "finetune";
        return List.of(new Phase(name, frozen, spec.training().epochs(), 1.0));
    }
}
