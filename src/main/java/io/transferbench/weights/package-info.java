/**
 * Pretrained weights read from the formats the registries carry (ONNX initializers, TF.js
 * weights manifests and shards, including NSFWJS's browserify-wrapped files), put into the
 * layouts DJL expects, and loaded into a DJL {@code Block} by name with every shape checked.
 */
package io.transferbench.weights;
