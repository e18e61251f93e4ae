package io.transferbench.tasks.detection;

/**
 * Box regression targets relative to an anchor, as TF's {@code FasterRcnnBoxCoder} (and
 * torchvision's {@code BoxCoder}): centre offsets in anchor sizes and log size ratios, multiplied
 * by scale factors (SSD's 10, 10, 5, 5: the inverse of its "variances" 0.1, 0.1, 0.2, 0.2, which
 * bring the codes to about unit spread). Codes are {tx, ty, tw, th}, x first like the corners;
 * TF's are {ty, tx, th, tw}, so an imported box predictor must swap its outputs.
 */
public final class BoxCoder {

    /** TF adds this to every size before dividing or taking a log, so empty boxes stay finite. */
    private static final double EPSILON = 1e-8;
    /** torchvision's {@code bbox_xform_clip}: caps exp() of untrained predictions at 62.5x the anchor. */
    private static final double MAX_LOG_SCALE = Math.log(1000.0 / 16);

    private final double[] scales;

    public BoxCoder(double scaleX, double scaleY, double scaleW, double scaleH) {
        this.scales = new double[] {scaleX, scaleY, scaleW, scaleH};
    }

    public static BoxCoder ssd() {
        return new BoxCoder(10, 10, 5, 5);
    }

    /** Codes of box {@code b} of {@code boxes} against anchor {@code a}, written at {@code out[4 * a]}. */
    public void encode(float[] anchors, int a, float[] boxes, int b, float[] out) {
        double wa = anchors[4 * a + 2] - anchors[4 * a] + EPSILON;
        double ha = anchors[4 * a + 3] - anchors[4 * a + 1] + EPSILON;
        double xa = (anchors[4 * a] + anchors[4 * a + 2]) / 2.0;
        double ya = (anchors[4 * a + 1] + anchors[4 * a + 3]) / 2.0;
        double w = boxes[4 * b + 2] - boxes[4 * b] + EPSILON;
        double h = boxes[4 * b + 3] - boxes[4 * b + 1] + EPSILON;
        double x = (boxes[4 * b] + boxes[4 * b + 2]) / 2.0;
        double y = (boxes[4 * b + 1] + boxes[4 * b + 3]) / 2.0;
        out[4 * a] = (float) ((x - xa) / wa * scales[0]);
        out[4 * a + 1] = (float) ((y - ya) / ha * scales[1]);
        out[4 * a + 2] = (float) (Math.log(w / wa) * scales[2]);
        out[4 * a + 3] = (float) (Math.log(h / ha) * scales[3]);
    }

    /** Corners of every anchor's box from its codes (both four floats per anchor). */
    public float[] decode(float[] anchors, float[] codes) {
        float[] out = new float[anchors.length];
        for (int a = 0; a < anchors.length / 4; a++) {
            double wa = anchors[4 * a + 2] - anchors[4 * a];
            double ha = anchors[4 * a + 3] - anchors[4 * a + 1];
            double xa = (anchors[4 * a] + anchors[4 * a + 2]) / 2.0;
            double ya = (anchors[4 * a + 1] + anchors[4 * a + 3]) / 2.0;
            double x = codes[4 * a] / scales[0] * wa + xa;
            double y = codes[4 * a + 1] / scales[1] * ha + ya;
            double w = Math.exp(Math.min(codes[4 * a + 2] / scales[2], MAX_LOG_SCALE)) * wa;
            double h = Math.exp(Math.min(codes[4 * a + 3] / scales[3], MAX_LOG_SCALE)) * ha;
            out[4 * a] = (float) (x - w / 2);
            out[4 * a + 1] = (float) (y - h / 2);
            out[4 * a + 2] = (float) (x + w / 2);
            out[4 * a + 3] = (float) (y + h / 2);
        }
        return out;
    }
}
