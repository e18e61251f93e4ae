package io.transferbench.models.selfie;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A backbone stage of an encoder-decoder, kept a link of a plain chain: its input list is
 * {@code [x, skip1, skip2, ...]} (the previous stage's output, then the encoder features carried
 * for the decoder, nearest first), its output list the same shape one stage on. An encoder stage
 * may keep its input {@code x} as the new nearest skip; a decoder stage consumes the nearest skip.
 * What the stage computes is {@code body}, on {@code [x]} or {@code [x, skip1]}.
 */
final class ChainedStage extends AbstractBlock {

    private final Block body;
    private final boolean keepsInput;
    private final boolean readsSkip;

    private ChainedStage(Block body, boolean keepsInput, boolean readsSkip) {
        super((byte) 1);
        this.body = addChildBlock("body", body);
        this.keepsInput = keepsInput;
        this.readsSkip = readsSkip;
    }

    /** An encoder stage; {@code keepsInput}: its input is a skip the decoder will read. */
    static ChainedStage encoder(Block body, boolean keepsInput) {
        return new ChainedStage(body, keepsInput, false);
    }

    /** A decoder stage: {@code body} reads {@code [x, nearest skip]}. */
    static ChainedStage decoder(Block body) {
        return new ChainedStage(body, false, true);
    }

    Block body() {
        return body;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        int consumed = readsSkip ? 2 : 1;
        NDList out = new NDList(body.forward(store, new NDList(inputs.subList(0, consumed)), training, params)
                .singletonOrThrow());
        if (keepsInput) {
            out.add(inputs.get(0));
        }
        out.addAll(new NDList(inputs.subList(consumed, inputs.size())));
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return layout(inputShapes, body.getOutputShapes(bodyInputs(inputShapes))[0]);
    }

    private Shape[] bodyInputs(Shape[] inputShapes) {
        return Arrays.copyOf(inputShapes, readsSkip ? 2 : 1);
    }

    private Shape[] layout(Shape[] inputShapes, Shape output) {
        int consumed = readsSkip ? 2 : 1;
        List<Shape> out = new ArrayList<>();
        out.add(output);
        if (keepsInput) {
            out.add(inputShapes[0]);
        }
        out.addAll(Arrays.asList(inputShapes).subList(consumed, inputShapes.length));
        return out.toArray(Shape[]::new);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        body.initialize(manager, dataType, bodyInputs(inputShapes));
    }
}
