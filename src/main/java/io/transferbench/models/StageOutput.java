package io.transferbench.models;

/**
 * What one backbone stage outputs: its channels (the feature width) and its stride, the factor by
 * which its spatial grid is smaller than the input's. Dense heads choose their taps by stride (8,
 * 16, 32); stride 0 marks outputs without a spatial grid (token sequences, vectors).
 */
public record StageOutput(long channels, int stride) {

    public static StageOutput vector(long width) {
        return new StageOutput(width, 0);
    }

    public boolean spatial() {
        return stride > 0;
    }
}
