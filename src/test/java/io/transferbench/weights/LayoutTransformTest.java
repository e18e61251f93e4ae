package io.transferbench.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class LayoutTransformTest {

    private static float[] range(int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = i;
        }
        return v;
    }

    @Test
    void hwioKernelBecomesOihwWithEveryElementInPlace() {
        long[] hwio = {2, 3, 4, 5};
        NamedTensor t = LayoutTransform.HWIO_TO_OIHW.apply(new NamedTensor("k", hwio, range(120)));
        assertArrayEquals(new long[] {5, 4, 2, 3}, t.shape());
        for (int o = 0; o < 5; o++) {
            for (int i = 0; i < 4; i++) {
                for (int h = 0; h < 2; h++) {
                    for (int w = 0; w < 3; w++) {
                        float source = ((h * 3 + w) * 4 + i) * 5 + o;
                        assertArrayEquals(new float[] {source},
                                new float[] {t.data()[((o * 4 + i) * 2 + h) * 3 + w]});
                    }
                }
            }
        }
    }

    @Test
    void depthwiseKernelBecomesChannelsFirst() {
        NamedTensor t = LayoutTransform.DEPTHWISE_HWC1_TO_C1HW.apply(new NamedTensor("d", new long[] {1, 2, 3, 1},
                range(6)));
        assertArrayEquals(new long[] {3, 1, 1, 2}, t.shape());
        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, t.data());
    }

    @Test
    void denseKernelIsTransposed() {
        NamedTensor t = LayoutTransform.TRANSPOSE.apply(new NamedTensor("w", new long[] {2, 3}, range(6)));
        assertArrayEquals(new long[] {3, 2}, t.shape());
        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, t.data());
    }
}
