package io.transferbench.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.transferbench.weights.LayoutTransform;
import io.transferbench.weights.ParameterBinding;

import java.util.ArrayList;
import java.util.List;

/**
 * A TensorFlow convolution unit as the mobile networks imported here build it: a square
 * convolution (plain or depthwise) with TensorFlow's "same" padding, then either BatchNorm
 * (Keras's MobileNetV2, face-api's depthwise layers) or a bias into which a BatchNorm was folded
 * (face-api's pointwise layers), and optionally ReLU6.
 *
 * <p>Keras pads a stride-2 convolution with an explicit {@code ZeroPadding2D} of
 * {@code correct_pad}: one row and column after the image, and one before only when the size is
 * odd, then convolves with "valid" padding. For 3x3 kernels that is exactly TensorFlow's "same"
 * padding, which {@link ConvGeometry} places; stride-1 convolutions are symmetric and use the
 * convolution's own padding.
 */
public final class TfConvUnit extends AbstractBlock {

    /** TensorFlow's and Keras's BatchNormalization epsilon, which these models were trained with. */
    public static final float TF_EPSILON = 1e-3f;

    /**
     * Names of the source tensors that fill the unit.
     *
     * @param kernel the convolution kernel (HWIO, or HWC1 when depthwise)
     * @param bias the bias, or null when the unit has BatchNorm instead
     * @param norm the BatchNorm's prefix ({@code gamma}, {@code beta}, {@code moving_mean} and
     *     {@code moving_variance} follow a slash), or null when it has a bias
     */
    public record SourceNames(String kernel, String bias, String norm) {

        public SourceNames {
            if ((bias == null) == (norm == null)) {
                throw new IllegalArgumentException("a unit has a bias or a BatchNorm: " + kernel);
            }
        }

        /** Keras: {@code name/kernel} or {@code name/depthwise_kernel}, BatchNorm layer {@code normName}. */
        public static SourceNames keras(String convName, String normName, boolean depthwise) {
            return new SourceNames(convName + (depthwise ? "/depthwise_kernel" : "/kernel"), null, normName);
        }
    }

    /**
     * The shape of a unit.
     *
     * @param inSize height (= width) of the input, which decides TensorFlow's padding
     * @param dilation spacing of the kernel taps of a stride-1 convolution; a dilated network keeps
     *     its resolution where the original would stride, and still sees as far (Yu and Koltun 2016)
     * @param momentum BatchNorm running-statistics momentum in Keras's convention (share kept)
     */
    public record Spec(long inChannels, long outChannels, int kernel, int stride, int dilation, boolean depthwise,
                       boolean relu6, long inSize, float momentum) {

        public Spec {
            if (dilation > 1 && stride != 1) {
                throw new IllegalArgumentException("a dilated convolution has stride 1");
            }
        }

        public static Spec of(long inChannels, long outChannels, int kernel, int stride, boolean depthwise,
                              boolean relu6, long inSize, float momentum) {
            return new Spec(inChannels, outChannels, kernel, stride, 1, depthwise, relu6, inSize, momentum);
        }
    }

    private final Spec spec;
    private final SourceNames names;
    private final Conv2d conv;
    private final BatchNorm norm;
    private final ConvGeometry geometry;

    public TfConvUnit(SourceNames names, Spec spec) {
        super((byte) 1);
        this.spec = spec;
        this.names = names;
        this.geometry = new ConvGeometry(spec.kernel(), spec.stride(), spec.dilation());
        long samePad = geometry.convPadding(spec.inSize());
        this.conv = addChildBlock("conv", Conv2d.builder()
                .setKernelShape(new Shape(spec.kernel(), spec.kernel()))
                .setFilters((int) spec.outChannels())
                .optStride(new Shape(spec.stride(), spec.stride()))
                .optDilation(new Shape(spec.dilation(), spec.dilation()))
                .optPadding(new Shape(samePad, samePad))
                .optGroups(spec.depthwise() ? (int) spec.inChannels() : 1)
                .optBias(names.bias() != null)
                .build());
        this.norm = names.norm() == null ? null : addChildBlock("bn", BatchNorm.builder().optEpsilon(TF_EPSILON)
                .optMomentum(spec.momentum()).build());
    }

    public Spec spec() {
        return spec;
    }

    /** Output height (= width) for an input of {@code size}. */
    public long outSize(long size) {
        return geometry.outSize(size);
    }

    /** Multiply-adds per example for an input of {@code size}. */
    public long multiplyAdds(long size) {
        return geometry.multiplyAdds(spec.depthwise() ? 1 : spec.inChannels(), spec.outChannels(), size);
    }

    /** Which source tensor fills which of this unit's parameters. */
    public List<ParameterBinding> sourceTensors() {
        List<ParameterBinding> bindings = new ArrayList<>();
        bindings.add(new ParameterBinding(names.kernel(), parameter(conv, "weight"),
                spec.depthwise() ? LayoutTransform.DEPTHWISE_HWC1_TO_C1HW : LayoutTransform.HWIO_TO_OIHW));
        if (names.bias() != null) {
            bindings.add(new ParameterBinding(names.bias(), parameter(conv, "bias"), LayoutTransform.IDENTITY));
        } else {
            String bn = names.norm();
            bindings.add(new ParameterBinding(bn + "/gamma", parameter(norm, "gamma"), LayoutTransform.IDENTITY));
            bindings.add(new ParameterBinding(bn + "/beta", parameter(norm, "beta"), LayoutTransform.IDENTITY));
            bindings.add(new ParameterBinding(bn + "/moving_mean", parameter(norm, "runningMean"),
                    LayoutTransform.IDENTITY));
            bindings.add(new ParameterBinding(bn + "/moving_variance", parameter(norm, "runningVar"),
                    LayoutTransform.IDENTITY));
        }
        return bindings;
    }

    /** The units under {@code block}, in forward order. */
    public static List<TfConvUnit> under(Block block) {
        List<TfConvUnit> found = new ArrayList<>();
        collect(block, found);
        return found;
    }

    private static void collect(Block block, List<TfConvUnit> found) {
        if (block instanceof TfConvUnit unit) {
            found.add(unit);
            return;
        }
        block.getChildren().values().forEach(child -> collect(child, found));
    }

    private static Parameter parameter(AbstractBlock block, String name) {
        return block.getParameters().get(name);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        NDArray x = geometry.padUneven(input, spec.inSize());
        NDList y = conv.forward(store, new NDList(x), training, params);
        if (x != input) {
            x.close();
        }
        if (norm != null) {
            y = Intermediates.release(y, norm.forward(store, y, training, params));
        }
        return spec.relu6() ? Intermediates.release(y, new NDList(Relu6.apply(y.singletonOrThrow()))) : y;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), spec.outChannels(), outSize(in.get(2)), outSize(in.get(3)))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape padded = geometry.convInput(inputShapes[0]);
        conv.initialize(manager, dataType, padded);
        if (norm != null) {
            norm.initialize(manager, dataType, conv.getOutputShapes(new Shape[] {padded}));
        }
    }
}
