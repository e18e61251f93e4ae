package io.transferbench.tasks.detection;

import java.util.Arrays;

/**
 * The feature maps an SSD head predicts from and their default boxes, for one input size: the
 * backbone's taps, then the head's own extra stride-2 layers, each map one scale of anchors.
 *
 * @param imageSize input height (= width) in pixels
 * @param taps how many of the maps are the backbone's; the rest are the head's extra layers
 * @param mapSizes height (= width) of each map, taps first
 * @param mapChannels channels of each map
 * @param anchors the default boxes over those maps
 */
record SsdLayout(int imageSize, int taps, int[] mapSizes, long[] mapChannels, SsdAnchors anchors) {

    /**
     * TF's {@code ssd_anchor_generator} ratios as its SSD configs write them (0.3333, not 1/3), which
     * the face-api SSD was trained with: its anchor table matches these to 1e-7.
     */
    static final double[] ASPECT_RATIOS = {1.0, 2.0, 0.5, 3.0, 0.3333};

    /**
     * @param tapStrides stride of each tapped backbone output
     * @param tapChannels channels of each tapped backbone output
     * @param extraChannels output channels of each extra layer, in order
     * @param reduceLowest TF's three boxes per cell on the finest map (see {@link SsdAnchors})
     */
    static SsdLayout of(int imageSize, int[] tapStrides, long[] tapChannels, long[] extraChannels, double minScale,
                        double maxScale, boolean reduceLowest) {
        int maps = tapStrides.length + extraChannels.length;
        int[] sizes = new int[maps];
        long[] channels = new long[maps];
        for (int k = 0; k < tapStrides.length; k++) {
            // TF's "same" padding: each stride-2 layer gives ceil(size / 2), so ceil(size / stride) in all
            sizes[k] = (imageSize + tapStrides[k] - 1) / tapStrides[k];
            channels[k] = tapChannels[k];
        }
        for (int e = 0; e < extraChannels.length; e++) {
            int k = tapStrides.length + e;
            // a 3x3 stride-2 convolution padded by one: ceil(size / 2)
            sizes[k] = (sizes[k - 1] + 1) / 2;
            channels[k] = extraChannels[e];
        }
        SsdAnchors anchors = new SsdAnchors(sizes, SsdAnchors.linearScales(minScale, maxScale, maps), ASPECT_RATIOS,
                reduceLowest);
        return new SsdLayout(imageSize, tapStrides.length, sizes, channels, anchors);
    }

    int maps() {
        return mapSizes.length;
    }

    /** Default boxes in input pixels, corners, map after map as the predictors' outputs are laid out. */
    float[] anchorCorners() {
        float[] corners = anchors.corners();
        for (int i = 0; i < corners.length; i++) {
            corners[i] *= imageSize;
        }
        return corners;
    }

    @Override
    public String toString() {
        return "SsdLayout[" + imageSize + " px, maps " + Arrays.toString(mapSizes) + ", " + anchors.count()
                + " anchors]";
    }
}
