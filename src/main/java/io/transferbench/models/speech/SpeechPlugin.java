package io.transferbench.models.speech;

import io.transferbench.catalog.Plugin;
import io.transferbench.models.ModelFamily;

import java.util.List;

/** The speech_embedding audio model family. */
public final class SpeechPlugin implements Plugin {

    @Override
    public List<ModelFamily> models() {
        return List.of(new SpeechEmbeddingFamily());
    }
}
