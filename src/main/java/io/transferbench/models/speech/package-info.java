/**
 * Google's speech_embedding CNN (the feature extractor openWakeWord builds on), imported from
 * its ONNX export: a log-mel front end computed in Java from the export's own mel matrix, and the
 * 20-convolution embedding network in DJL, cut into stages at its max-pools, applied to 76-frame
 * windows of a clip and pooled over them.
 */
package io.transferbench.models.speech;
