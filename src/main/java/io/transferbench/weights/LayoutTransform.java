package io.transferbench.weights;

import java.util.function.UnaryOperator;

/** How a source tensor's layout becomes the layout of the DJL parameter it fills. */
public enum LayoutTransform implements UnaryOperator<NamedTensor> {
    /** Same layout (biases, BatchNorm vectors, embeddings). */
    IDENTITY(null),
    /** TF conv kernel [h, w, in, out] to PyTorch/DJL [out, in, h, w]. */
    HWIO_TO_OIHW(new int[] {3, 2, 0, 1}),
    /** TF depthwise kernel [h, w, channels, 1] to DJL grouped conv [channels, 1, h, w]. */
    DEPTHWISE_HWC1_TO_C1HW(new int[] {2, 3, 0, 1}),
    /** Dense [in, out] (TF, ONNX MatMul) to DJL Linear [out, in]. */
    TRANSPOSE(new int[] {1, 0}),
    /**
     * A TF transposed-convolution kernel ({@code Conv2DBackpropInput}) [h, w, out, in] whose
     * stride equals its size, to a 1x1 convolution [h*w*out, in, 1, 1]: such a transposed
     * convolution writes every output pixel from one input pixel, so it is this 1x1 convolution
     * followed by depth-to-space, output channel (a*w + b)*out + o going to offset (a, b) of
     * channel o. Row-major [h, w, out, in] already has that order: only the shape changes.
     */
    STRIDED_DECONV_TO_DEPTH(null) {
        @Override
        public NamedTensor apply(NamedTensor t) {
            long[] s = t.shape();
            if (s.length != 4) {
                throw new WeightImportException(t.name() + ": a transposed-convolution kernel has 4 axes, not "
                        + s.length);
            }
            return new NamedTensor(t.name(), new long[] {s[0] * s[1] * s[2], s[3], 1, 1}, t.data());
        }
    };

    private final int[] order;

    LayoutTransform(int[] order) {
        this.order = order;
    }

    @Override
    public NamedTensor apply(NamedTensor t) {
        return order == null ? t : permute(t, order);
    }

    /** Output axis {@code i} is input axis {@code order[i]}. */
    static NamedTensor permute(NamedTensor t, int[] order) {
        long[] in = t.shape();
        if (in.length != order.length) {
            throw new WeightImportException(t.name() + ": cannot permute a rank-" + in.length + " tensor with "
                    + order.length + " axes");
        }
        int rank = in.length;
        long[] out = new long[rank];
        int[] inStride = new int[rank];
        for (int i = rank - 1, s = 1; i >= 0; s *= (int) in[i], i--) {
            inStride[i] = s;
        }
        int[] strideForOut = new int[rank];
        int[] outDims = new int[rank];
        for (int i = 0; i < rank; i++) {
            out[i] = in[order[i]];
            outDims[i] = (int) out[i];
            strideForOut[i] = inStride[order[i]];
        }
        float[] src = t.data();
        float[] dst = new float[src.length];
        int[] index = new int[rank];
        int offset = 0;
        for (int k = 0; k < dst.length; k++) {
            dst[k] = src[offset];
            // Odometer over output indices, tracking the matching input offset incrementally.
            for (int axis = rank - 1; axis >= 0; axis--) {
                if (++index[axis] < outDims[axis]) {
                    offset += strideForOut[axis];
                    break;
                }
                offset -= strideForOut[axis] * (outDims[axis] - 1);
                index[axis] = 0;
            }
        }
        return new NamedTensor(t.name(), out, dst);
    }
}
