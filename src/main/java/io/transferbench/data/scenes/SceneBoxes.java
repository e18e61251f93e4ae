package io.transferbench.data.scenes;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.transferbench.data.images.ViewGeometry;

import java.util.List;

/**
 * float32 boxes {@code [n, maxObjects, 5]}: per object its visible extent in the view's pixels,
 * corners {x0, y0, x1, y1}, then its class ({@code 1 + category}, 0 being the background); rows
 * past a scene's objects hold class {@value #PADDING}. A box left narrower or lower than
 * {@value #MIN_SIDE} pixels by a crop is dropped: a sliver at the frame's edge is no object to find.
 */
record SceneBoxes(int maxObjects) implements SceneTargets {

    public static final float PADDING = -1;
    static final double MIN_SIDE = 2;

    @Override
    public long[] shape() {
        return new long[] {maxObjects, 5};
    }

    @Override
    public NDArray create(NDManager manager, List<Scene> scenes, List<ViewGeometry> views) {
        float[] rows = new float[scenes.size() * maxObjects * 5];
        for (int i = 0; i < scenes.size(); i++) {
            int row = i * maxObjects;
            for (int r = 0; r < maxObjects; r++) {
                rows[5 * (row + r) + 4] = PADDING;
            }
            for (SceneObject o : scenes.get(i).objects()) {
                double[] box = views.get(i).mapBox(new double[] {o.x0(), o.y0(), o.x1(), o.y1()});
                if (box == null || box[2] - box[0] < MIN_SIDE || box[3] - box[1] < MIN_SIDE) {
                    continue;
                }
                int at = 5 * row;
                for (int k = 0; k < 4; k++) {
                    rows[at + k] = (float) box[k];
                }
                rows[at + 4] = 1 + o.category();
                row++;
            }
        }
        return manager.create(rows, new Shape(scenes.size(), maxObjects, 5));
    }
}
