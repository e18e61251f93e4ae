package io.transferbench.models.mobilenet;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.transferbench.models.Intermediates;
import io.transferbench.models.TfConvUnit;

import java.util.ArrayList;
import java.util.List;

/**
 * MobileNetV2's inverted residual block (Sandler et al. 2018): a 1x1 expansion with ReLU6 (absent
 * when the expansion factor is 1), a 3x3 depthwise convolution with ReLU6, and a linear 1x1
 * projection, with an identity shortcut when the block keeps resolution and width.
 */
final class InvertedResidual extends AbstractBlock {

    private final List<TfConvUnit> units = new ArrayList<>();
    private final boolean shortcut;

    /**
     * @param index the block's number in Keras's naming: 0 is {@code expanded_conv}, then
     *     {@code block_1} .. {@code block_16}
     * @param dilation of the depthwise convolution (1, or 2 in a dilated last stage, whose stride is 1)
     */
    InvertedResidual(int index, long inChannels, long outChannels, int expansion, int stride, int dilation,
                     long inSize, float momentum) {
        super((byte) 1);
        String prefix = index == 0 ? "expanded_conv" : "block_" + index;
        long hidden = inChannels * expansion;
        if (expansion != 1) {
            units.add(addChildBlock("expand", keras(prefix + "_expand", TfConvUnit.Spec.of(inChannels, hidden, 1, 1,
                    false, true, inSize, momentum))));
        }
        units.add(addChildBlock("depthwise", keras(prefix + "_depthwise", new TfConvUnit.Spec(hidden, hidden, 3, stride,
                dilation, true, true, inSize, momentum))));
        long outSize = units.get(units.size() - 1).outSize(inSize);
        units.add(addChildBlock("project", keras(prefix + "_project", TfConvUnit.Spec.of(hidden, outChannels, 1, 1,
                false, false, outSize, momentum))));
        this.shortcut = stride == 1 && inChannels == outChannels;
    }

    /** Keras names a block's BatchNorm after its convolution: {@code block_3_expand_BN}. */
    private static TfConvUnit keras(String convName, TfConvUnit.Spec spec) {
        return new TfConvUnit(TfConvUnit.SourceNames.keras(convName, convName + "_BN", spec.depthwise()), spec);
    }

    List<TfConvUnit> units() {
        return units;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList x = inputs;
        for (TfConvUnit unit : units) {
            x = Intermediates.advance(inputs, x, unit.forward(store, x, training, params));
        }
        if (!shortcut) {
            return x;
        }
        return Intermediates.release(x, new NDList(x.singletonOrThrow().add(inputs.singletonOrThrow())));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = inputShapes;
        for (TfConvUnit unit : units) {
            shapes = unit.getOutputShapes(shapes);
        }
        return shapes;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = inputShapes;
        for (TfConvUnit unit : units) {
            unit.initialize(manager, dataType, shapes);
            shapes = unit.getOutputShapes(shapes);
        }
    }
}
