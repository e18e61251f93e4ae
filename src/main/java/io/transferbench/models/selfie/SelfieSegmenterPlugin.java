package io.transferbench.models.selfie;

import io.transferbench.catalog.Plugin;
import io.transferbench.models.ModelFamily;

import java.util.List;

/** The MediaPipe selfie segmenter model family. */
public final class SelfieSegmenterPlugin implements Plugin {

    @Override
    public List<ModelFamily> models() {
        return List.of(new SelfieSegmenterFamily());
    }
}
