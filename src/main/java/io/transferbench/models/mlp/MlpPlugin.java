package io.transferbench.models.mlp;

import io.transferbench.catalog.Plugin;
import io.transferbench.models.ModelFamily;

import java.util.List;

/** The MLP model family. */
public final class MlpPlugin implements Plugin {

    @Override
    public List<ModelFamily> models() {
        return List.of(new MlpFamily());
    }
}
