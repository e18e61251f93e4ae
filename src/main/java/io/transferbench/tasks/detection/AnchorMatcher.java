package io.transferbench.tasks.detection;

/**
 * Assigns each anchor a ground-truth box, background, or neither, by IoU: SSD's rule. An anchor
 * whose best IoU is at least {@code positive} matches the box it overlaps most (ties to the first
 * box); below {@code negative} it is background; in between it is ignored by the loss. Then every
 * box is given an anchor even when none reaches {@code positive}, so small or oddly shaped objects
 * still train a predictor. How, follows one of two references:
 * <ul>
 *   <li>{@link Forcing#BEST_ANCHOR_PER_BOX}: TF's {@code ArgMaxMatcher(force_match_for_each_row)}
 *       (also torchvision's {@code SSDMatcher}): each box takes its best anchor (the first of equal
 *       IoU) and that anchor matches that box; an anchor chosen by several boxes goes to the first
 *       of them (TF's rule; torchvision's indexing leaves that to the last).</li>
 *   <li>{@link Forcing#LOW_QUALITY}: torchvision's {@code Matcher(allow_low_quality_matches=True)}:
 *       every anchor that ties for a box's highest IoU gets back its own best box, which may be a
 *       different box than the one that picked it.</li>
 * </ul>
 */
public final class AnchorMatcher {

    public static final int BACKGROUND = -1;
    public static final int IGNORED = -2;

    public enum Forcing { NONE, BEST_ANCHOR_PER_BOX, LOW_QUALITY }

    private final float positive;
    private final float negative;
    private final Forcing forcing;

    public AnchorMatcher(float positive, float negative, Forcing forcing) {
        if (negative > positive) {
            throw new IllegalArgumentException("negative threshold " + negative + " above positive " + positive);
        }
        this.positive = positive;
        this.negative = negative;
        this.forcing = forcing;
    }

    /** SSD's: IoU 0.5 for both thresholds (nothing ignored), every box forced onto its best anchor. */
    public static AnchorMatcher ssd() {
        return new AnchorMatcher(0.5f, 0.5f, Forcing.BEST_ANCHOR_PER_BOX);
    }

    /**
     * Per anchor: the index of its box, {@link #BACKGROUND} or {@link #IGNORED}; boxes and anchors
     * are corners, four floats each.
     */
    public int[] match(float[] anchors, float[] boxes) {
        int anchorCount = anchors.length / 4;
        int boxCount = boxes.length / 4;
        int[] matches = new int[anchorCount];
        if (boxCount == 0) {
            java.util.Arrays.fill(matches, BACKGROUND);
            return matches;
        }
        float[][] iou = BoxIou.matrix(boxes, anchors);
        int[] bestBox = new int[anchorCount];
        for (int a = 0; a < anchorCount; a++) {
            int best = 0;
            for (int b = 1; b < boxCount; b++) {
                if (iou[b][a] > iou[best][a]) {
                    best = b;
                }
            }
            bestBox[a] = best;
            float v = iou[best][a];
            matches[a] = v >= positive ? best : v < negative ? BACKGROUND : IGNORED;
        }
        if (forcing == Forcing.BEST_ANCHOR_PER_BOX) {
            // Boxes in reverse so that the first box claiming an anchor is the one that keeps it.
            for (int b = boxCount - 1; b >= 0; b--) {
                matches[argMax(iou[b])] = b;
            }
        } else if (forcing == Forcing.LOW_QUALITY) {
            for (int b = 0; b < boxCount; b++) {
                float highest = iou[b][argMax(iou[b])];
                for (int a = 0; a < anchorCount; a++) {
                    if (iou[b][a] == highest) {
                        matches[a] = bestBox[a];
                    }
                }
            }
        }
        return matches;
    }

    private static int argMax(float[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            if (row[i] > row[best]) {
                best = i;
            }
        }
        return best;
    }
}
