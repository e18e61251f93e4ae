package io.transferbench.models.selfie;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One step of the selfie decoder, from stride s to s/2: bilinear 2x upsampling and a linear 1x1
 * convolution to the skip's width; the encoder's skip features, gated per channel by the global
 * context of skip plus upsampled, are added to the upsampled ones; then a 1x1 convolution with
 * ReLU and a residual depthwise 3x3 convolution with ReLU refine the sum.
 *
 * <p>The graph upsamples with {@code ResizeBilinear(half_pixel_centers=True, align_corners=False)},
 * which is PyTorch's bilinear interpolation with {@code align_corners=False}.
 *
 * <p>Inputs: {@code [x, skip]}; output: {@code [features]} at the skip's size and width.
 */
final class DecoderBlock extends AbstractBlock {

    /** DJL's code for bilinear interpolation. */
    private static final int BILINEAR = 1;

    private final GraphConv up;
    private final ChannelGate attention;
    private final GraphConv refine;
    private final GraphConv depthwise;

    DecoderBlock(GraphConv up, ChannelGate attention, GraphConv refine, GraphConv depthwise) {
        super((byte) 1);
        this.up = addChildBlock("up", up);
        this.attention = addChildBlock("attention", attention);
        this.refine = addChildBlock("refine", refine);
        this.depthwise = addChildBlock("depthwise", depthwise);
    }


    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray skip = inputs.get(1);
        Shape size = skip.getShape();
        NDArray upsampled = x.getNDArrayInternal().interpolation(new long[] {size.get(2), size.get(3)}, BILINEAR,
                false);
        NDArray widened = up.apply(store, upsampled, training, params);
        NDArray gate = attention.gate(store, skip.add(widened), training, params);
        NDArray fused = skip.mul(gate).add(widened);
        NDArray refined = refine.apply(store, fused, training, params);
        return new NDList(refined.add(depthwise.apply(store, refined, training, params)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape skip = inputShapes[1];
        return new Shape[] {new Shape(skip.get(0), refine.outChannels(), skip.get(2), skip.get(3))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        Shape skip = inputShapes[1];
        up.initialize(manager, dataType, new Shape(x.get(0), x.get(1), skip.get(2), skip.get(3)));
        Shape[] fused = up.getOutputShapes(new Shape[] {skip});
        attention.initialize(manager, dataType, fused);
        refine.initialize(manager, dataType, fused);
        depthwise.initialize(manager, dataType, refine.getOutputShapes(fused));
    }
}
