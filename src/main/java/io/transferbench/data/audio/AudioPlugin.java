package io.transferbench.data.audio;

import io.transferbench.catalog.Plugin;
import io.transferbench.data.DatasetSource;

import java.util.List;

/** The audio datasets: Hydrogen's drum kits and the user's own folders of sounds. */
public final class AudioPlugin implements Plugin {

    @Override
    public List<DatasetSource> datasets() {
        return List.of(new DrumKitsDataset(), new AudioFolderDataset());
    }
}
