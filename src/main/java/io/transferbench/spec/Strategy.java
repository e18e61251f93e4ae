package io.transferbench.spec;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;

/** How a cell uses the pretrained weights. */
public enum Strategy {
    /** Start from the pretrained weights and train the unfrozen stages and the head. */
    FINETUNE("finetune"),
    /** Linear probe first, then unfreeze to the cell's freeze depth (Kumar et al. 2022). */
    LP_FT("lp-ft"),
    /**
     * The head first with every stage frozen, then one more stage from the top down every
     * {@code unfreeze-every} epochs or steps, down to the cell's freeze depth, under one optimizer
     * and one schedule (ULMFiT's gradual unfreezing, Howard and Ruder 2018).
     */
    GRADUAL("gradual"),
    /** Same architecture, random initialisation: what pretraining is worth. */
    SCRATCH("scratch");

    private final String label;

    Strategy(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public static Strategy of(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown strategy " + label));
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(Strategy::label).toList();
    }
}
