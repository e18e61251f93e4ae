package io.transferbench.data.synthetic;

import io.transferbench.catalog.Plugin;
import io.transferbench.data.DatasetSource;

import java.util.List;

/** Generated datasets. */
public final class SyntheticPlugin implements Plugin {

    @Override
    public List<DatasetSource> datasets() {
        return List.of(new LatentClassesDataset());
    }
}
