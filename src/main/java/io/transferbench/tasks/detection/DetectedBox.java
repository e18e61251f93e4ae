package io.transferbench.tasks.detection;

/** A detection after NMS: corners {x0, y0, x1, y1}, a category (0-based, no background), a score. */
public record DetectedBox(float x0, float y0, float x1, float y1, int category, float score) {
}
