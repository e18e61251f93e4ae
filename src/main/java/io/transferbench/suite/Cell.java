package io.transferbench.suite;

import io.transferbench.spec.CellSpec;

/** One cell of an expanded grid: its position, its stable id and its resolved configuration. */
public record Cell(int index, String id, CellSpec spec) {

    /** A short human label: strategy, freeze, schedule, lr, decay, seed. */
    public String label() {
        return spec.strategy().label() + " freeze=" + spec.freeze() + " " + spec.schedule() + " lr=" + spec.lr()
                + (spec.layerDecay() == 1.0 ? "" : " decay=" + spec.layerDecay()) + " seed=" + spec.seed();
    }
}
