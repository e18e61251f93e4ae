package io.transferbench.report;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The six ways of using a pretrained backbone that reports compare side by side, read from a
 * cell's strategy and freeze depth (Kornblith et al. 2019; Kumar et al. 2022; Howard and Ruder 2018).
 */
public enum StrategyFamily {
    LINEAR_PROBE("linear probe", "#4e79a7"),
    PARTIAL("partial fine-tune", "#f28e2b"),
    FULL("full fine-tune", "#59a14f"),
    LP_FT("LP-FT", "#b07aa1"),
    GRADUAL("gradual unfreezing", "#e15759"),
    SCRATCH("from scratch", "#9c755f");

    private final String text;
    private final String color;

    StrategyFamily(String text, String color) {
        this.text = text;
        this.color = color;
    }

    public static StrategyFamily of(JsonNode config) {
        String strategy = config.path("strategy").asText();
        String freeze = config.path("freeze").asText();
        return switch (strategy) {
            case "scratch" -> SCRATCH;
            case "lp-ft" -> LP_FT;
            case "gradual" -> GRADUAL;
            default -> "all".equals(freeze) ? LINEAR_PROBE : "0".equals(freeze) ? FULL : PARTIAL;
        };
    }

    public String text() {
        return text;
    }

    /** One colour per family in every chart, so a family is recognisable across them. */
    public String color() {
        return color;
    }
}
