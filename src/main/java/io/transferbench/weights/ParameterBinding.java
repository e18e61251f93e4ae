package io.transferbench.weights;

import ai.djl.nn.Parameter;

/**
 * One source tensor and the DJL parameter object it fills. A block that knows its own source
 * names lists these; {@link WeightMapping#ofParameters} turns them into path bindings, so DJL's
 * generated parameter paths never have to be spelled out.
 *
 * @param source the tensor's name in the weights file
 * @param parameter the parameter, found by identity
 */
public record ParameterBinding(String source, Parameter parameter, LayoutTransform transform) {
}
