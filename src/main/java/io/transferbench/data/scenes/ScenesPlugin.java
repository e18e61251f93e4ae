package io.transferbench.data.scenes;

import io.transferbench.catalog.Plugin;
import io.transferbench.data.DatasetSource;

import java.util.List;

/** Generated scene datasets. */
public final class ScenesPlugin implements Plugin {

    @Override
    public List<DatasetSource> datasets() {
        return List.of(new StampScenesDataset());
    }
}
