package io.transferbench.models.facessd;

import io.transferbench.catalog.Plugin;
import io.transferbench.models.ModelFamily;

import java.util.List;

/** The face detector, with and without its pretrained SSD extra layers. */
public final class FaceSsdPlugin implements Plugin {

    @Override
    public List<ModelFamily> models() {
        return List.of(new SsdMobileNetV1Family(FaceSsdWeights.DETECTOR), new SsdMobileNetV1Family(
                FaceSsdWeights.BACKBONE_ONLY));
    }
}
