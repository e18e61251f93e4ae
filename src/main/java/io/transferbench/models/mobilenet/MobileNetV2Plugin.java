package io.transferbench.models.mobilenet;

import io.transferbench.catalog.Plugin;
import io.transferbench.models.ModelFamily;

import java.util.List;

/** The MobileNetV2 model family. */
public final class MobileNetV2Plugin implements Plugin {

    @Override
    public List<ModelFamily> models() {
        return List.of(new MobileNetV2Family(), MobileNetV2Family.fromTfjsFiles());
    }
}
