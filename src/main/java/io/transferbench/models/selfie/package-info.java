/**
 * MediaPipe's selfie segmenter in DJL, rebuilt from its TF.js graph model node by node (TensorFlow
 * "same" padding, hard-swish with the graph's float16 constants, gates pooled globally), with the
 * encoder and the pretrained decoder as chained backbone stages that carry the skip features.
 * {@code SelfieFidelityTest} compares its person masks with TensorFlow.js's on real photographs.
 */
package io.transferbench.models.selfie;
