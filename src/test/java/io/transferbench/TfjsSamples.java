package io.transferbench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The TF.js reference scripts sample each feature map at fixed NHWC positions
 * ({@code sampleIndex}, {@code samples}); this compares such samples with a DJL NCHW map.
 */
public final class TfjsSamples {

    private TfjsSamples() {}

    /** Largest |difference| between the sampled NHWC positions of {@code stage} and the NCHW {@code out}. */
    public static double maxDiff(JsonNode stage, NDArray out) {
        Shape s = out.getShape();
        long channels = s.get(1);
        long width = s.get(3);
        float[] values = out.toFloatArray();
        double worst = 0;
        for (int k = 0; k < stage.get("sampleIndex").size(); k++) {
            long nhwc = stage.get("sampleIndex").get(k).asLong();
            long c = nhwc % channels;
            long x = (nhwc / channels) % width;
            long y = nhwc / (channels * width);
            float actual = values[(int) ((c * s.get(2) + y) * width + x)];
            worst = Math.max(worst, Math.abs(actual - stage.get("samples").get(k).asDouble()));
        }
        return worst;
    }
}
