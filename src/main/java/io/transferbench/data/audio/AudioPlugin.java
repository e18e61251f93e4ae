package io.transferbench.data.audio;

import io.transferbench.catalog.Plugin;
import io.transferbench.data.DatasetSource;

import java.util.List;

/** The audio datasets. */
public final class AudioPlugin implements Plugin {

    @Override
    public List<DatasetSource> datasets() {
        return List.of(new DrumKitsDataset());
    }
}
