package io.transferbench.data;

import java.util.List;

/**
 * What a task must know about a dataset's targets to build its head and score it, as one value:
 * the class names (for segmentation, class 0 is the background) and the shape of one example's
 * target: empty for a class label, {@code [H, W]} for a mask.
 */
public record Targets(List<String> classNames, long[] shape) {

    public Targets {
        classNames = List.copyOf(classNames);
        shape = shape.clone();
    }

    public int classCount() {
        return classNames.size();
    }
}
