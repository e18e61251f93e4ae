package io.transferbench.models.speech;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One convolution of speech_embedding on {@code [N, C, time, mel]}: the kernel is 3 x 3, 1 x 3
 * (along mel, zero-padded by 1 on both sides as the export's pads say) or 3 x 1 (along time, no
 * padding, so each one shortens time by 2), BatchNorm already folded into weight and bias by the
 * exporter, then LeakyReLU(0.2) and a floor at -0.4 ({@code tf.math.maximum} in the original).
 * The last convolution has neither bias nor activation: its output is the embedding.
 */
final class ConvUnit extends AbstractBlock {

    private static final float LEAKY_SLOPE = 0.2f;
    private static final float FLOOR = -0.4f;

    private final Conv2d conv;
    private final int kernelTime;
    private final int kernelMel;
    private final long inChannels;
    private final long outChannels;
    private final boolean activated;

    ConvUnit(long inChannels, long outChannels, int kernelTime, int kernelMel, boolean activated) {
        super((byte) 1);
        this.kernelTime = kernelTime;
        this.kernelMel = kernelMel;
        this.inChannels = inChannels;
        this.outChannels = outChannels;
        this.activated = activated;
        this.conv = addChildBlock("conv", Conv2d.builder()
                .setKernelShape(new Shape(kernelTime, kernelMel))
                .setFilters((int) outChannels)
                .optPadding(new Shape(0, kernelMel / 2))
                .optBias(activated)
                .build());
    }

    long outTime(long time) {
        return time - (kernelTime - 1);
    }

    /** Multiply-adds per window for an input of {@code time x mel}. */
    long multiplyAdds(long time, long mel) {
        return outChannels * inChannels * kernelTime * kernelMel * outTime(time) * mel;
    }

    Conv2d conv() {
        return conv;
    }

    boolean hasBias() {
        return activated;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray y = conv.forward(store, inputs, training, params).singletonOrThrow();
        if (activated) {
            y = Activation.leakyRelu(y, LEAKY_SLOPE).maximum(FLOOR);
        }
        return new NDList(y);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return conv.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, inputShapes);
    }
}
