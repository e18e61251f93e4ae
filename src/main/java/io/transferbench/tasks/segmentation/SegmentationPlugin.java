package io.transferbench.tasks.segmentation;

import io.transferbench.catalog.Plugin;
import io.transferbench.tasks.Task;

import java.util.List;

/** Semantic segmentation. */
public final class SegmentationPlugin implements Plugin {

    @Override
    public List<Task> tasks() {
        return List.of(new SegmentationTask());
    }
}
