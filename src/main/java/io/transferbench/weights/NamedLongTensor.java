package io.transferbench.weights;

import java.util.Arrays;

/**
 * An INT64 tensor (ONNX shape constants, position ids), kept exact rather than forced to float.
 *
 * @param name the source framework's name
 * @param shape dimensions, outermost first
 * @param data values, row-major
 */
public record NamedLongTensor(String name, long[] shape, long[] data) {

    @Override
    public boolean equals(Object o) {
        return o instanceof NamedLongTensor t && name.equals(t.name) && Arrays.equals(shape, t.shape)
                && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
