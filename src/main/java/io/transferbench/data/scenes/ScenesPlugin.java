package io.transferbench.data.scenes;

import io.transferbench.catalog.Plugin;
import io.transferbench.data.DatasetSource;

import java.util.List;

/** Scene datasets: the generated stamp scenes, and the user's own masks and COCO boxes. */
public final class ScenesPlugin implements Plugin {

    @Override
    public List<DatasetSource> datasets() {
        return List.of(new StampScenesDataset(), new MaskFolderDataset(), new CocoDetectionDataset());
    }
}
