package io.transferbench.data;

import java.util.List;

/**
 * What a task must know about a dataset's targets to build its head and score it, as one value:
 * the class names (for segmentation and detection, class 0 is the background), the shape of one
 * example's target (empty for a class label, {@code [H, W]} for a mask, {@code [boxes, 5]} for
 * boxes), and the shape of one input, from which a dense head sizes its maps and counts its work.
 */
public record Targets(List<String> classNames, long[] shape, long[] inputShape) {

    public Targets {
        classNames = List.copyOf(classNames);
        shape = shape.clone();
        inputShape = inputShape.clone();
    }

    public int classCount() {
        return classNames.size();
    }
}
