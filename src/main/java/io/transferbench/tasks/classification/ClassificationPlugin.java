package io.transferbench.tasks.classification;

import io.transferbench.catalog.Plugin;
import io.transferbench.tasks.Task;

import java.util.List;

/** Classification for every input kind. */
public final class ClassificationPlugin implements Plugin {

    @Override
    public List<Task> tasks() {
        return List.of(
                new ClassificationTask("vector-classification", "classify feature vectors"),
                new ClassificationTask("image-classification", "classify images"),
                new ClassificationTask("text-classification", "classify texts"),
                new ClassificationTask("audio-classification", "classify audio clips"));
    }
}
