/**
 * The SSD-MobileNetV1 face detector of face-api.js, rebuilt and imported from its TF.js weights
 * manifest: a whole pretrained detector to transfer from, beside ImageNet classifiers.
 */
package io.transferbench.models.facessd;
