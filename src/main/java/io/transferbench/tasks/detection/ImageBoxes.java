package io.transferbench.tasks.detection;

import ai.djl.ndarray.NDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * One image's true objects, read from the detection labels {@code [N, M, 5]} (corners in input
 * pixels, then the class, 1 and up; rows of class below 1 are padding).
 *
 * @param corners four floats per object
 * @param classes each object's class, 1 and up
 */
record ImageBoxes(float[] corners, int[] classes) {

    static List<ImageBoxes> of(NDArray labels) {
        int images = (int) labels.getShape().get(0);
        int rows = (int) labels.getShape().get(1);
        float[] values = labels.toFloatArray();
        List<ImageBoxes> out = new ArrayList<>(images);
        for (int n = 0; n < images; n++) {
            int kept = 0;
            for (int r = 0; r < rows; r++) {
                kept += values[5 * (n * rows + r) + 4] >= 1 ? 1 : 0;
            }
            float[] corners = new float[4 * kept];
            int[] classes = new int[kept];
            int k = 0;
            for (int r = 0; r < rows; r++) {
                int at = 5 * (n * rows + r);
                if (values[at + 4] >= 1) {
                    System.arraycopy(values, at, corners, 4 * k, 4);
                    classes[k++] = Math.round(values[at + 4]);
                }
            }
            out.add(new ImageBoxes(corners, classes));
        }
        return out;
    }

    int count() {
        return classes.length;
    }

    /** Object {@code i}'s corners. */
    double[] box(int i) {
        return new double[] {corners[4 * i], corners[4 * i + 1], corners[4 * i + 2], corners[4 * i + 3]};
    }
}
