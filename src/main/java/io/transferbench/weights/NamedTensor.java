package io.transferbench.weights;

import java.util.Arrays;

/**
 * A float tensor read from a weights file, row-major.
 *
 * @param name the source framework's name
 * @param shape dimensions, outermost first
 * @param data values; its length is the product of {@code shape}
 */
public record NamedTensor(String name, long[] shape, float[] data) {

    public NamedTensor {
        if (Shapes.size(shape) != data.length) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " needs "
                    + Shapes.size(shape) + " values, got " + data.length);
        }
    }

    public NamedTensor renamed(String newName) {
        return new NamedTensor(newName, shape, data);
    }

    /** Sum in double precision, for checks against reference values. */
    public double sum() {
        double s = 0;
        for (float v : data) {
            s += v;
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamedTensor t && name.equals(t.name) && Arrays.equals(shape, t.shape)
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
