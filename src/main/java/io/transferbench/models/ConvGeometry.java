package io.transferbench.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Where a square convolution samples, as TensorFlow's {@code padding="SAME"} places it, and what
 * it costs. TensorFlow (and Keras, and TF.js) put the odd row and column of a stride-2 "same"
 * padding <em>after</em> the image, whereas a symmetric padding would shift every sampling position
 * by one pixel, so imported kernels would see a different neighbourhood. Models imported from
 * TensorFlow pad through this class.
 *
 * @param kernel height (= width) of the kernel
 * @param stride the same along both axes
 * @param dilation spacing of the kernel taps (1 for an ordinary convolution)
 */
public record ConvGeometry(int kernel, int stride, int dilation) {

    public ConvGeometry {
        if (kernel < 1 || stride < 1 || dilation < 1) {
            throw new IllegalArgumentException("kernel " + kernel + ", stride " + stride + ", dilation " + dilation);
        }
    }

    /** Output height (= width) for an input of {@code size}: ceil(size / stride). */
    public long outSize(long size) {
        return (size + stride - 1) / stride;
    }

    /** Zero rows (= columns) TensorFlow adds in all for an input of {@code size}. */
    public long padTotal(long size) {
        long reach = (long) dilation * (kernel - 1) + 1;
        return Math.max((outSize(size) - 1) * stride + reach - size, 0);
    }

    /** Zero rows (= columns) before the image: the smaller half. */
    public long padBefore(long size) {
        return padTotal(size) / 2;
    }

    public long padAfter(long size) {
        return padTotal(size) - padBefore(size);
    }

    /** Whether the convolution's own symmetric padding of {@link #padBefore} places it exactly. */
    public boolean symmetric(long size) {
        return padBefore(size) == padAfter(size);
    }

    /**
     * {@code x} ([N, C, H, W]) padded explicitly when the padding for {@code size}, the input size
     * the convolution was built for, is uneven; unchanged otherwise.
     */
    public NDArray padUneven(NDArray x, long size) {
        if (symmetric(size)) {
            return x;
        }
        long before = padBefore(size);
        long after = padAfter(size);
        // Pairs run from the last axis backwards: (left, right) of W, then (top, bottom) of H.
        return x.pad(new Shape(before, after, before, after), 0);
    }

    /** The shape the convolution itself sees for an input of {@code in}: padded when uneven. */
    public Shape convInput(Shape in) {
        long size = in.get(2);
        if (symmetric(size)) {
            return in;
        }
        long padded = size + padTotal(size);
        return new Shape(in.get(0), in.get(1), padded, in.get(3) + padTotal(in.get(3)));
    }

    /** The padding to give the convolution for an input of {@code size}: 0 when padded explicitly. */
    public long convPadding(long size) {
        return symmetric(size) ? padBefore(size) : 0;
    }

    /**
     * Multiply-adds per example for an input of {@code size}.
     *
     * @param inPerGroup input channels each output channel reads (1 for a depthwise convolution)
     */
    public long multiplyAdds(long inPerGroup, long outChannels, long size) {
        long out = outSize(size);
        return outChannels * inPerGroup * kernel * kernel * out * out;
    }
}
