package io.transferbench.models.facessd;

/**
 * Which layers of the face detector start from its trained weights. The two share one
 * architecture and one input, so their difference is what the detector's own SSD layers learnt
 * on faces, beyond its backbone.
 */
public enum FaceSsdWeights {
    /** MobileNetV1 and the SSD extra layers ({@code Prediction/Conv2d_0..7}). */
    DETECTOR("ssd-mobilenet-v1-faces", "MobileNetV1 and SSD extra layers"),
    /** MobileNetV1 only; the extra layers start at random, as a classifier backbone's would. */
    BACKBONE_ONLY("ssd-mobilenet-v1-faces-backbone", "MobileNetV1 only, SSD extra layers re-initialised");

    private final String modelName;
    private final String pretrained;

    FaceSsdWeights(String modelName, String pretrained) {
        this.modelName = modelName;
        this.pretrained = pretrained;
    }

    public String modelName() {
        return modelName;
    }

    String pretrained() {
        return pretrained;
    }
}
