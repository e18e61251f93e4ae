package io.transferbench.tasks;

import ai.djl.ndarray.NDList;

import java.awt.image.BufferedImage;
import java.util.List;

/** Draws a head's predictions over the examples they were made for. */
public interface PredictionDrawer {

    /**
     * @param pictures the examples as the dataset shows them, in batch order
     * @param targets the batch's targets
     * @param predictions the head's outputs for the batch
     * @return one drawing per example
     */
    List<Drawing> draw(List<BufferedImage> pictures, NDList targets, NDList predictions);
}
