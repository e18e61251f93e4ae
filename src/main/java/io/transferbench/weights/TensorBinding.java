package io.transferbench.weights;

/**
 * Which source tensor fills which DJL parameter, and how its layout changes on the way.
 *
 * @param source tensor name in the weights file
 * @param parameter name in {@code block.getParameters()}
 * @param transform layout change applied before the shape check
 */
public record TensorBinding(String source, String parameter, LayoutTransform transform) {
}
