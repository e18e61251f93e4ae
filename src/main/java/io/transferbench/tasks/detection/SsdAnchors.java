package io.transferbench.tasks.detection;

import java.util.ArrayList;
import java.util.List;

/**
 * SSD's default boxes as the TF object detection API's {@code SsdAnchorGenerator}
 * ({@code multiple_grid_anchor_generator.create_ssd_anchors}) lays them out: map {@code k} of
 * {@code m} has scale {@code s_k = min + (max - min) k / (m - 1)} (or the scales given), one box
 * per aspect ratio {@code a} of height {@code s_k / sqrt(a)} and width {@code s_k sqrt(a)}, plus a
 * square box of scale {@code sqrt(s_k s_{k+1})} ({@code s_m = 1}) right after the first ratio's
 * when that is 1, as the 2017 API that trained face-api's detector placed it (its shipped anchor
 * table has that order; later versions append it last). With
 * {@code reduceBoxesInLowestLayer} the first map has only three: (0.1, 1), (s_0, 2), (s_0, 1/2).
 * Boxes are centred on the cells of each map ({@code (i + 0.5) / size}), in coordinates
 * normalised to [0, 1] (boxes are not clipped), cell by cell row-major and the boxes of a cell in
 * that order, map after map: the order of TF's anchors and of the predictors' outputs.
 *
 * <p>TF gives anchors as {ymin, xmin, ymax, xmax}; here they are {x0, y0, x1, y1} like every box
 * of this package, so an imported anchor table must swap its columns. Square inputs only: TF
 * narrows the base size of non-square images, which no suite here uses.
 */
public record SsdAnchors(int[] mapSizes, double[] scales, double[] aspectRatios, boolean reduceBoxesInLowestLayer) {

    /** The SSD paper's scales from {@code min} to {@code max} over {@code maps} feature maps. */
    public static double[] linearScales(double min, double max, int maps) {
        double[] s = new double[maps];
        for (int k = 0; k < maps; k++) {
            s[k] = maps == 1 ? min : min + (max - min) * k / (maps - 1);
        }
        return s;
    }

    public SsdAnchors {
        if (mapSizes.length != scales.length) {
            throw new IllegalArgumentException(mapSizes.length + " feature maps but " + scales.length + " scales");
        }
    }

    /** Boxes per cell of map {@code k}. */
    public int boxesPerCell(int k) {
        return specs(k).size();
    }

    public int count() {
        int n = 0;
        for (int k = 0; k < mapSizes.length; k++) {
            n += mapSizes[k] * mapSizes[k] * boxesPerCell(k);
        }
        return n;
    }

    /** All boxes, four floats each, {x0, y0, x1, y1}. */
    public float[] corners() {
        float[] out = new float[4 * count()];
        int o = 0;
        for (int k = 0; k < mapSizes.length; k++) {
            int size = mapSizes[k];
            List<double[]> specs = specs(k);
            for (int row = 0; row < size; row++) {
                double cy = (row + 0.5) / size;
                for (int col = 0; col < size; col++) {
                    double cx = (col + 0.5) / size;
                    for (double[] spec : specs) {
                        double sqrt = Math.sqrt(spec[1]);
                        double h = spec[0] / sqrt;
                        double w = spec[0] * sqrt;
                        out[o++] = (float) (cx - w / 2);
                        out[o++] = (float) (cy - h / 2);
                        out[o++] = (float) (cx + w / 2);
                        out[o++] = (float) (cy + h / 2);
                    }
                }
            }
        }
        return out;
    }

    /** (scale, aspect ratio) of each box of a cell of map {@code k}. */
    private List<double[]> specs(int k) {
        List<double[]> specs = new ArrayList<>();
        if (k == 0 && reduceBoxesInLowestLayer) {
            specs.add(new double[] {0.1, 1.0});
            specs.add(new double[] {scales[0], 2.0});
            specs.add(new double[] {scales[0], 0.5});
            return specs;
        }
        double next = k + 1 < scales.length ? scales[k + 1] : 1.0;
        for (double a : aspectRatios) {
            specs.add(new double[] {scales[k], a});
            if (a == 1.0 && specs.size() == 1) {
                specs.add(new double[] {Math.sqrt(scales[k] * next), 1.0});
            }
        }
        return specs;
    }
}
