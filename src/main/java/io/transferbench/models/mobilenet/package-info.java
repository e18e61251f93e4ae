/**
 * MobileNetV2 in DJL, built layer for layer as Keras builds it (asymmetric stride-2 padding,
 * BatchNorm epsilon 1e-3), with an importer for the Keras weights that NSFWJS ships as a TF.js
 * layers model. {@code MobileNetV2FidelityTest} compares its outputs with TensorFlow.js's.
 */
package io.transferbench.models.mobilenet;
