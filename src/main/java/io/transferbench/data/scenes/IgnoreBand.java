package io.transferbench.data.scenes;

/**
 * Marks class boundaries as ignore. A pixel is in the band when its (2w+1) x (2w+1)
 * neighbourhood holds two different classes, found as a separable running minimum and maximum.
 */
final class IgnoreBand {

    private IgnoreBand() {
    }

    static void apply(byte[] mask, int size, int width) {
        if (width == 0) {
            return;
        }
        int[] rowMin = new int[mask.length];
        int[] rowMax = new int[mask.length];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int min = 255;
                int max = 0;
                for (int dx = Math.max(0, x - width); dx <= Math.min(size - 1, x + width); dx++) {
                    int v = mask[y * size + dx] & 0xff;
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                rowMin[y * size + x] = min;
                rowMax[y * size + x] = max;
            }
        }
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int min = 255;
                int max = 0;
                for (int dy = Math.max(0, y - width); dy <= Math.min(size - 1, y + width); dy++) {
                    min = Math.min(min, rowMin[dy * size + x]);
                    max = Math.max(max, rowMax[dy * size + x]);
                }
                if (min != max) {
                    mask[y * size + x] = (byte) Scene.IGNORE;
                }
            }
        }
    }
}
