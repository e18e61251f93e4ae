package io.transferbench.models;

/**
 * What one backbone stage outputs: its channels (the feature width) and its stride, the factor by
 * which its spatial grid is smaller than the input's. Dense heads choose their taps by stride (8,
 * 16, 32); stride 0 marks outputs without a spatial grid (token sequences, vectors).
 *
 * @param carried how many arrays at the end of the stage's output list are not its output but
 *     earlier features carried along for later stages (an encoder-decoder's skip connections,
 *     which must pass through the chain of stages). A head tapping the stage never sees them;
 *     channels and stride describe the first array.
 */
public record StageOutput(long channels, int stride, int carried) {

    public StageOutput {
        if (carried < 0) {
            throw new IllegalArgumentException("carried arrays cannot be negative: " + carried);
        }
    }

    /** A stage whose whole output list is its output. */
    public StageOutput(long channels, int stride) {
        this(channels, stride, 0);
    }

    public static StageOutput vector(long width) {
        return new StageOutput(width, 0);
    }

    public boolean spatial() {
        return stride > 0;
    }
}
