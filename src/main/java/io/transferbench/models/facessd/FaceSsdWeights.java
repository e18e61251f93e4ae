package io.transferbench.models.facessd;

/**
 * Which layers of the face detector start from its trained weights. The two share one
 * architecture and one input, so their difference is what the detector's own SSD layers and box
 * predictors learnt on faces, beyond its backbone.
 */
public enum FaceSsdWeights {
    /** MobileNetV1, the SSD extra layers ({@code Prediction/Conv2d_0..7}) and the box predictors. */
    DETECTOR("ssd-mobilenet-v1-faces", "MobileNetV1, SSD extra layers and box predictors"),
    /** MobileNetV1 only; the extra layers and box predictors start at random, as a classifier's would. */
    BACKBONE_ONLY("ssd-mobilenet-v1-faces-backbone",
            "MobileNetV1 only, SSD extra layers and box predictors re-initialised");

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
