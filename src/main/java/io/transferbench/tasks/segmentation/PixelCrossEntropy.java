package io.transferbench.tasks.segmentation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * Cross-entropy per pixel, averaged over the pixels whose label is not the ignore index (as
 * PyTorch's {@code cross_entropy(ignore_index=255)} with mean reduction): predictions
 * {@code [N, C, H, W]} logits, labels {@code [N, H, W]} class indices.
 */
final class PixelCrossEntropy extends Loss {

    static final int IGNORE = 255;

    PixelCrossEntropy() {
        super("pixel_cross_entropy");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.singletonOrThrow();
        NDArray label = labels.singletonOrThrow().toType(DataType.INT64, false);
        NDArray valid = label.neq(IGNORE);
        NDArray index = label.mul(valid.toType(DataType.INT64, false)).expandDims(1);
        NDArray picked = logits.logSoftmax(1).gather(index, 1).squeeze(1);
        NDArray weights = valid.toType(DataType.FLOAT32, false);
        return picked.mul(weights).sum().neg().div(weights.sum().maximum(1f));
    }
}
