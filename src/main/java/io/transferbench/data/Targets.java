package io.transferbench.data;

import java.util.List;

/**
 * What a task must know about a dataset's targets to build its head and score it, as one value:
 * the class names (for segmentation, class 0 is the background).
 */
public record Targets(List<String> classNames) {

    public Targets {
        classNames = List.copyOf(classNames);
    }

    public int classCount() {
        return classNames.size();
    }
}
