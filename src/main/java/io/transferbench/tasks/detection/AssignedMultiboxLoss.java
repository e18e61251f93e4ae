package io.transferbench.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;

import java.util.List;

/**
 * The multibox loss on box labels: matches each image's true boxes to the head's default boxes
 * ({@link AnchorMatcher}), encodes them ({@link BoxCoder}) and scores the predictions with
 * {@link SsdLoss}. Matching is a choice made on host copies, not a function to differentiate.
 *
 * <p>Labels: {@link ImageBoxes}' {@code [N, M, 5]}. Predictions: {@link SsdHead}'s logits, codes
 * and anchors.
 */
final class AssignedMultiboxLoss extends Loss {

    private final SsdLoss loss;
    private final AnchorMatcher matcher;
    private final BoxCoder coder;

    AssignedMultiboxLoss(SsdLoss loss, AnchorMatcher matcher, BoxCoder coder) {
        super(loss.getName());
        this.loss = loss;
        this.matcher = matcher;
        this.coder = coder;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        float[] anchors = predictions.get(2).toFloatArray();
        int anchorCount = anchors.length / 4;
        List<ImageBoxes> images = ImageBoxes.of(labels.singletonOrThrow());
        int[] classes = new int[images.size() * anchorCount];
        float[] codes = new float[images.size() * anchors.length];
        for (int n = 0; n < images.size(); n++) {
            ImageBoxes truth = images.get(n);
            int[] categories = new int[truth.count()];
            for (int i = 0; i < categories.length; i++) {
                categories[i] = truth.classes()[i] - 1;
            }
            SsdTargets targets = SsdTargets.assign(anchors, truth.corners(), categories, matcher, coder);
            System.arraycopy(targets.classes(), 0, classes, n * anchorCount, anchorCount);
            System.arraycopy(targets.codes(), 0, codes, n * anchors.length, anchors.length);
        }
        NDArray logits = predictions.get(0);
        NDManager manager = logits.getManager();
        NDList assigned = new NDList(
                manager.create(classes, new Shape(images.size(), anchorCount)).toDevice(logits.getDevice(), false),
                manager.create(codes, new Shape(images.size(), anchorCount, 4)).toDevice(logits.getDevice(), false));
        return loss.evaluate(assigned, new NDList(logits, predictions.get(1)));
    }
}
