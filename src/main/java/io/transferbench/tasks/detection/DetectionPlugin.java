package io.transferbench.tasks.detection;

import io.transferbench.catalog.Plugin;
import io.transferbench.tasks.Task;

import java.util.List;

/** Object detection. */
public final class DetectionPlugin implements Plugin {

    @Override
    public List<Task> tasks() {
        return List.of(new DetectionTask());
    }
}
