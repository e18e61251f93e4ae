package io.transferbench.metrics;

/**
 * Counts of (true class, predicted class), and the scores derived from them: classification's
 * accuracy and F1, and segmentation's IoU, where each pixel is one (true, predicted) pair summed
 * over the whole split, as MMSegmentation's {@code IoUMetric} sums intersections and unions
 * before dividing.
 */
public final class ConfusionMatrix {

    private final long[][] counts;

    public ConfusionMatrix(int classes) {
        counts = new long[classes][classes];
    }

    public void add(int actual, int predicted) {
        counts[actual][predicted]++;
    }

    /**
     * Adds pairs position by position, skipping positions whose true class is {@code ignore}
     * (segmentation's 255 band and void pixels).
     */
    public void addAll(int[] actual, int[] predicted, int ignore) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException(actual.length + " labels but " + predicted.length + " predictions");
        }
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] != ignore) {
                counts[actual[i]][predicted[i]]++;
            }
        }
    }

    public long total() {
        long t = 0;
        for (long[] row : counts) {
            for (long c : row) {
                t += c;
            }
        }
        return t;
    }

    public double accuracy() {
        long correct = 0;
        for (int i = 0; i < counts.length; i++) {
            correct += counts[i][i];
        }
        long total = total();
        return total == 0 ? 0 : (double) correct / total;
    }

    /** F1 of one class; 0 when the class is neither present nor predicted. */
    public double f1(int c) {
        long tp = counts[c][c];
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < counts.length; i++) {
            if (i != c) {
                fp += counts[i][c];
                fn += counts[c][i];
            }
        }
        long denom = 2 * tp + fp + fn;
        return denom == 0 ? 0 : 2.0 * tp / denom;
    }

    /**
     * Unweighted mean of per-class F1 over the classes present in the labels, as scikit-learn's
     * {@code f1_score(average='macro')} does for the labels it is given.
     */
    public double macroF1() {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < counts.length; c++) {
            long support = 0;
            for (long v : counts[c]) {
                support += v;
            }
            if (support > 0) {
                sum += f1(c);
                present++;
            }
        }
        return present == 0 ? 0 : sum / present;
    }

    /** Intersection over union of one class; NaN when the class is neither present nor predicted. */
    public double iou(int c) {
        long union = -counts[c][c];
        for (int i = 0; i < counts.length; i++) {
            union += counts[c][i] + counts[i][c];
        }
        return union == 0 ? Double.NaN : (double) counts[c][c] / union;
    }

    /** Mean IoU over the classes with a non-empty union (NumPy's nanmean, as MMSegmentation takes it). */
    public double meanIou() {
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < counts.length; c++) {
            double v = iou(c);
            if (!Double.isNaN(v)) {
                sum += v;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    public int classes() {
        return counts.length;
    }
}
