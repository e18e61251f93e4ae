package io.transferbench.tasks.segmentation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The only new layer on a backbone that brings its own pretrained decoder: a 1x1 classifier of
 * the decoder's features, upsampled bilinearly to the input size. Everything before it is a
 * stage, so freeze depth reaches into the decoder.
 *
 * <p>Input: the last stage's {@code [N, C, h, w]} at {@code stride}; output: class logits
 * {@code [N, classes, h * stride, w * stride]}.
 */
final class DecoderClassifier extends AbstractBlock {

    private final Conv2d classifier;
    private final long classes;
    private final int stride;

    DecoderClassifier(long classes, int stride) {
        super((byte) 1);
        this.classes = classes;
        this.stride = stride;
        this.classifier = addChildBlock("classifier", Conv2d.builder().setKernelShape(new Shape(1, 1))
                .setFilters((int) classes).build());
    }

    static long multiplyAdds(long classes, long channels, long pixelsAtStride) {
        return channels * classes * pixelsAtStride;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray logits = classifier.forward(store, new NDList(x), training, params).singletonOrThrow();
        return new NDList(stride == 1 ? logits
                : PixelResize.to(logits, x.getShape().get(2) * stride, x.getShape().get(3) * stride));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {new Shape(x.get(0), classes, x.get(2) * stride, x.get(3) * stride)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        classifier.initialize(manager, dataType, inputShapes[0]);
    }
}
