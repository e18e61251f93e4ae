package io.transferbench.models.bert;

import io.transferbench.catalog.Plugin;
import io.transferbench.models.ModelFamily;

import java.util.List;

/** The BERT text encoders: all-MiniLM-L6-v2, bge-small-en-v1.5, and the user's own ONNX export. */
public final class BertPlugin implements Plugin {

    @Override
    public List<ModelFamily> models() {
        return List.of(new BertFamily(BertCheckpoint.MINILM_L6), new BertFamily(BertCheckpoint.BGE_SMALL),
                new BertFamily(new LocalBertSource()));
    }
}
