package io.transferbench.tasks.segmentation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The Lite R-ASPP decoder of Howard et al. 2019 (MobileNetV3), as torchvision's {@code LRASPPHead}:
 * on the high-level features (output stride 16) a 1x1 convolution with BatchNorm and ReLU, gated
 * channel by channel by a squeeze branch (global average pool, 1x1 convolution, sigmoid); that is
 * upsampled bilinearly to the low-level features (stride 8) and classified there, plus a 1x1
 * classifier of the low-level features themselves; the sum is upsampled to the input size.
 *
 * <p>Inputs: {@code [low, high]}; output: per-pixel class logits {@code [N, classes, H, W]} with
 * H and W the low tap's size times its stride.
 */
final class LrAsppHead extends AbstractBlock {

    private final Conv2d cbr;
    private final BatchNorm cbrNorm;
    private final Conv2d scale;
    private final Conv2d lowClassifier;
    private final Conv2d highClassifier;
    private final int lowStride;
    private final long classes;
    private final long inter;

    LrAsppHead(long classes, long inter, int lowStride) {
        super((byte) 1);
        this.classes = classes;
        this.inter = inter;
        this.lowStride = lowStride;
        this.cbr = addChildBlock("cbr", conv(inter, false));
        this.cbrNorm = addChildBlock("cbr_bn", BatchNorm.builder().build());
        this.scale = addChildBlock("scale", conv(inter, false));
        this.lowClassifier = addChildBlock("low_classifier", conv(classes, true));
        this.highClassifier = addChildBlock("high_classifier", conv(classes, true));
    }

    private static Conv2d conv(long filters, boolean bias) {
        return Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters((int) filters).optBias(bias).build();
    }

    /** Multiply-adds per example for taps of these shapes (one example each, no batch axis). */
    static long multiplyAdds(long classes, long inter, long lowChannels, long lowPixels, long highChannels,
                             long highPixels) {
        return highChannels * inter * highPixels + highChannels * inter + inter * classes * lowPixels
                + lowChannels * classes * lowPixels;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray low = inputs.get(0);
        NDArray high = inputs.get(1);
        NDArray x = Activation.relu(cbrNorm.forward(store, cbr.forward(store, new NDList(high), training, params),
                training, params).singletonOrThrow());
        NDArray pooled = high.mean(new int[] {3}, true).mean(new int[] {2}, true);
        NDArray gate = Activation.sigmoid(scale.forward(store, new NDList(pooled), training, params).singletonOrThrow());
        x = x.mul(gate);
        Shape lowShape = low.getShape();
        x = PixelResize.to(x, lowShape.get(2), lowShape.get(3));
        NDArray logits = lowClassifier.forward(store, new NDList(low), training, params).singletonOrThrow()
                .add(highClassifier.forward(store, new NDList(x), training, params).singletonOrThrow());
        return new NDList(PixelResize.to(logits, lowShape.get(2) * lowStride, lowShape.get(3) * lowStride));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape low = inputShapes[0];
        return new Shape[] {new Shape(low.get(0), classes, low.get(2) * lowStride, low.get(3) * lowStride)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape low = inputShapes[0];
        Shape high = inputShapes[1];
        cbr.initialize(manager, dataType, high);
        Shape interShape = new Shape(high.get(0), inter, high.get(2), high.get(3));
        cbrNorm.initialize(manager, dataType, interShape);
        scale.initialize(manager, dataType, new Shape(high.get(0), high.get(1), 1, 1));
        lowClassifier.initialize(manager, dataType, low);
        highClassifier.initialize(manager, dataType, new Shape(low.get(0), inter, low.get(2), low.get(3)));
    }
}
