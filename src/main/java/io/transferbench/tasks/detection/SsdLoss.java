package io.transferbench.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;

/**
 * SSD's multibox loss: smooth-L1 (beta 1, TF's Huber with delta 1) on the box codes of matched
 * anchors, plus softmax cross-entropy on the matched anchors and the hard negatives mined 3:1
 * ({@link HardNegativeMining}); both summed and divided by the number of matched anchors in the
 * batch (at least 1), as torchvision's {@code SSDHead} loss. With {@link #focal} the
 * classification term is instead the focal loss {@code alpha_t (1 - p_t)^gamma CE} over every
 * anchor not ignored, no mining (the focal weight plays its part), the same normalisation.
 *
 * <p>Predictions: class logits {@code [N, A, 1 + C]} (class 0 background) and box codes
 * {@code [N, A, 4]}; labels: {@link SsdTargets} stacked, classes {@code [N, A]} (-1 ignored) and
 * codes {@code [N, A, 4]}.
 */
public final class SsdLoss extends Loss {

    private final HardNegativeMining mining;
    private final double gamma;
    private final double alpha;

    private SsdLoss(String name, HardNegativeMining mining, double gamma, double alpha) {
        super(name);
        this.mining = mining;
        this.gamma = gamma;
        this.alpha = alpha;
    }

    public static SsdLoss mined(HardNegativeMining mining) {
        return new SsdLoss("ssd_loss", mining, 0, 0);
    }

    /** RetinaNet's weighting: {@code alpha} on objects, {@code 1 - alpha} on background (0.25 and gamma 2 there). */
    public static SsdLoss focal(double gamma, double alpha) {
        return new SsdLoss("ssd_focal_loss", null, gamma, alpha);
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.get(0);
        NDArray codes = predictions.get(1);
        NDArray classes = labels.get(0).toType(DataType.INT64, false);
        NDArray targetCodes = labels.get(1);
        NDArray positive = classes.gt(0).toType(DataType.FLOAT32, false);
        NDArray index = classes.maximum(0).expandDims(2);
        NDArray crossEntropy = logits.logSoftmax(2).gather(index, 2).squeeze(2).neg();

        NDArray weights = mining == null ? focalWeights(crossEntropy, classes) : minedMask(crossEntropy, classes);
        NDArray classLoss = crossEntropy.mul(weights).sum();

        NDArray diff = codes.sub(targetCodes).abs();
        NDArray quadratic = diff.minimum(1f);
        NDArray smoothL1 = quadratic.mul(quadratic).mul(0.5f).add(diff.sub(quadratic)).sum(new int[] {2});
        NDArray boxLoss = smoothL1.mul(positive).sum();
        return classLoss.add(boxLoss).div(positive.sum().maximum(1f));
    }

    /** The mining is a choice, not a function to differentiate: it runs on host copies of the losses. */
    private NDArray minedMask(NDArray crossEntropy, NDArray classes) {
        Shape shape = crossEntropy.getShape();
        int images = (int) shape.get(0);
        int anchors = (int) shape.get(1);
        float[] loss = crossEntropy.toType(DataType.FLOAT32, false).toFloatArray();
        long[] cls = classes.toLongArray();
        float[] mask = new float[images * anchors];
        for (int n = 0; n < images; n++) {
            float[] imageLoss = new float[anchors];
            int[] imageClasses = new int[anchors];
            for (int a = 0; a < anchors; a++) {
                imageLoss[a] = loss[n * anchors + a];
                imageClasses[a] = (int) cls[n * anchors + a];
            }
            boolean[] keep = mining.select(imageLoss, imageClasses);
            for (int a = 0; a < anchors; a++) {
                mask[n * anchors + a] = keep[a] ? 1f : 0f;
            }
        }
        NDManager manager = crossEntropy.getManager();
        return manager.create(mask, shape).toDevice(crossEntropy.getDevice(), false);
    }

    private NDArray focalWeights(NDArray crossEntropy, NDArray classes) {
        NDArray valid = classes.gte(0).toType(DataType.FLOAT32, false);
        NDArray positive = classes.gt(0).toType(DataType.FLOAT32, false);
        NDArray pt = crossEntropy.neg().exp();
        NDArray modulation = pt.neg().add(1f).pow((float) gamma);
        NDArray alphaT = positive.mul((float) (2 * alpha - 1)).add((float) (1 - alpha));
        return modulation.mul(alphaT).mul(valid);
    }
}
