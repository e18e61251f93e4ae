package io.transferbench.tasks.segmentation;

import ai.djl.ndarray.NDArray;

/** Bilinear resizing of feature maps, align_corners false (as torchvision's and TF's half-pixel centres). */
final class PixelResize {

    /** DJL's code for bilinear interpolation. */
    private static final int BILINEAR = 1;

    private PixelResize() {}

    static NDArray to(NDArray x, long height, long width) {
        return x.getNDArrayInternal().interpolation(new long[] {height, width}, BILINEAR, false);
    }
}
