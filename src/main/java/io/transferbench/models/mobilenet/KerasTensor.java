package io.transferbench.models.mobilenet;

import ai.djl.nn.Parameter;
import io.transferbench.weights.LayoutTransform;

/**
 * One Keras weight and the DJL parameter it fills.
 *
 * @param source the tensor's name in the TF.js manifest ({@code block_3_expand_BN/gamma})
 * @param parameter the parameter object, found by identity, so DJL's generated path names never
 *     have to be spelled out
 */
record KerasTensor(String source, Parameter parameter, LayoutTransform transform) {
}
