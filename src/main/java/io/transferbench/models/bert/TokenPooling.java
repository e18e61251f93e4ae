package io.transferbench.models.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * From hidden states {@code [batch, length, hidden]} and the mask to one vector per sequence: the
 * mean over real tokens (how sentence-transformers models such as all-MiniLM were trained) or the
 * [CLS] token's state (how BGE was trained).
 */
final class TokenPooling extends AbstractBlock {

    enum Mode { MEAN, CLS }

    private final Mode mode;

    TokenPooling(Mode mode) {
        super((byte) 1);
        this.mode = mode;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        if (mode == Mode.CLS) {
            return new NDList(x.get(new NDIndex(":, 0, :")));
        }
        NDArray mask = inputs.get(1).expandDims(-1);
        NDArray tokens = mask.sum(new int[] {1}).maximum(1e-9f);
        return new NDList(x.mul(mask).sum(new int[] {1}).div(tokens));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape hidden = inputShapes[0];
        return new Shape[] {new Shape(hidden.get(0), hidden.get(2))};
    }
}
