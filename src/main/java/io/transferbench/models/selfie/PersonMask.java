package io.transferbench.models.selfie;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.transferbench.weights.LayoutTransform;
import io.transferbench.weights.ParameterBinding;

import java.util.List;

/**
 * The selfie model's own output layer, on the backbone's last stage: a 2x2 stride-2 transposed
 * convolution to one channel ({@code Conv2DBackpropInput} node {@code segment}), its bias, and a
 * sigmoid, giving the person probability per input pixel {@code [N, 1, H, W]}. DJL's PyTorch
 * engine has no transposed convolution, but with stride equal to kernel size each output pixel
 * comes from one input pixel: a 1x1 convolution to 4 channels, one per position in the 2x2
 * block, then depth-to-space. The bias is one value, added after, as the graph adds it.
 */
public final class PersonMask extends AbstractBlock {

    static final String NODE = "segment";
    private static final int BLOCK = 2;

    private final Conv2d conv;
    private final Parameter bias;

    public PersonMask() {
        super((byte) 1);
        this.conv = addChildBlock("conv", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(BLOCK * BLOCK)
                .optBias(false).build());
        this.bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(1)).build());
    }

    /** The weights: the transposed kernel as a 1x1 convolution, and the bias. */
    List<ParameterBinding> bindings(String filter, String biasName) {
        return List.of(new ParameterBinding(filter, conv.getParameters().get("weight"),
                        LayoutTransform.STRIDED_DECONV_TO_DEPTH),
                new ParameterBinding(biasName, bias, LayoutTransform.IDENTITY));
    }

    /** Multiply-adds per example on features of {@code channels} x {@code size} x {@code size}. */
    static long multiplyAdds(long channels, long size) {
        return channels * BLOCK * BLOCK * size * size;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray depth = conv.forward(store, new NDList(inputs.head()), training, params).singletonOrThrow();
        Shape s = depth.getShape();
        long n = s.get(0);
        long h = s.get(2);
        long w = s.get(3);
        // Channel a*2 + b holds offset (a, b) of each 2x2 output block: [N, a, b, H, W] -> [N, H, a, W, b].
        NDArray mask = depth.reshape(n, BLOCK, BLOCK, h, w).transpose(0, 3, 1, 4, 2)
                .reshape(n, 1, h * BLOCK, w * BLOCK);
        NDArray b = store.getValue(bias, mask.getDevice(), training);
        return new NDList(Activation.sigmoid(mask.add(b)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), 1, in.get(2) * BLOCK, in.get(3) * BLOCK)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, inputShapes[0]);
    }
}
