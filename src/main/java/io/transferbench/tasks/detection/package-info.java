/**
 * Object detection's pieces that need no model: SSD default boxes, anchor matching, box codes,
 * hard-negative mining, per-class NMS and the multibox loss. Boxes are corners {x0, y0, x1, y1},
 * four floats each, as {@code ViewGeometry.mapBox} gives them; the metric lives in
 * {@code io.transferbench.metrics.CocoBoxEvaluation}.
 */
package io.transferbench.tasks.detection;
