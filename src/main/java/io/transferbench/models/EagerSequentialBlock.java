package io.transferbench.models;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A {@link SequentialBlock} that frees what each child made as soon as the next child has consumed
 * it ({@link Intermediates}). The caller's inputs are never closed, only arrays the children made;
 * a child must therefore not keep a reference to its input for a later sibling (none here does: skip
 * connections live inside one child).
 */
public class EagerSequentialBlock extends SequentialBlock {

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        if (isReturnIntermediate()) {
            return super.forwardInternal(store, inputs, training, params);
        }
        NDList x = inputs;
        for (Block child : getChildren().values()) {
            x = Intermediates.advance(inputs, x, child.forward(store, x, training, params));
        }
        return x;
    }
}
