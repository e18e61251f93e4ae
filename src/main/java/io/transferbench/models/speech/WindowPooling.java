package io.transferbench.models.speech;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * From the last stage's {@code [batch, windows, 96, 1, 1]} to one 96-d vector per clip: the mean
 * of the window embeddings, so a clip of any length gets one feature vector.
 */
final class WindowPooling extends AbstractBlock {

    WindowPooling() {
        super((byte) 1);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shape s = x.getShape();
        return new NDList(x.reshape(s.get(0), s.get(1), s.get(2) * s.get(3) * s.get(4)).mean(new int[] {1}));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), s.get(2) * s.get(3) * s.get(4))};
    }
}
