package io.transferbench.tasks.detection;

/**
 * One image's training targets per anchor: the class ({@link #BACKGROUND}, {@link #IGNORED}, or
 * {@code 1 + category}, class 0 being background in the classifier's logits) and, for matched
 * anchors, the box codes (zeros elsewhere, where the loss does not look).
 */
public record SsdTargets(int[] classes, float[] codes) {

    public static final int BACKGROUND = 0;
    public static final int IGNORED = -1;

    /** Matches {@code boxes} (corners) of {@code categories} to the anchors and encodes them. */
    public static SsdTargets assign(float[] anchors, float[] boxes, int[] categories, AnchorMatcher matcher,
            BoxCoder coder) {
        int[] matches = matcher.match(anchors, boxes);
        int[] classes = new int[matches.length];
        float[] codes = new float[anchors.length];
        for (int a = 0; a < matches.length; a++) {
            int m = matches[a];
            if (m >= 0) {
                classes[a] = 1 + categories[m];
                coder.encode(anchors, a, boxes, m, codes);
            } else {
                classes[a] = m == AnchorMatcher.IGNORED ? IGNORED : BACKGROUND;
            }
        }
        return new SsdTargets(classes, codes);
    }

    public int positives() {
        int n = 0;
        for (int c : classes) {
            n += c > 0 ? 1 : 0;
        }
        return n;
    }
}
