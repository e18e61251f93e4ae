package io.transferbench.data.scenes;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.transferbench.data.images.ViewGeometry;

import java.util.List;
import java.util.stream.IntStream;

/**
 * int32 class masks {@code [n, S, S]}: 0 background, {@code 1 + category}, 255 ignored; sampled
 * through each view by nearest neighbour.
 */
record SceneMasks(int size) implements SceneTargets {

    @Override
    public long[] shape() {
        return new long[] {size, size};
    }

    @Override
    public NDArray create(NDManager manager, List<Scene> scenes, List<ViewGeometry> views) {
        int plane = size * size;
        byte[] mask = new byte[scenes.size() * plane];
        IntStream.range(0, scenes.size()).parallel().forEach(i -> {
            Scene scene = scenes.get(i);
            views.get(i).drawLabels(scene.mask(), scene.image().width(), scene.image().height(), mask, i * plane);
        });
        int[] values = new int[mask.length];
        for (int i = 0; i < mask.length; i++) {
            values[i] = mask[i] & 0xff;
        }
        return manager.create(values, new Shape(scenes.size(), size, size));
    }
}
