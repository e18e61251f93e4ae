package io.transferbench.data.scenes;

import io.transferbench.data.images.RasterImage;

import java.util.List;

/**
 * One generated scene.
 *
 * @param image S x S RGB
 * @param mask S x S class per pixel, row by row: {@link #BACKGROUND}, 1 + category, or {@link #IGNORE}
 * @param objects the visible objects, in paste order (later ones lie on top)
 */
public record Scene(RasterImage image, byte[] mask, List<SceneObject> objects) {

    public static final int BACKGROUND = 0;
    /** Excluded from losses and metrics: object edges and the remains of hidden objects. */
    public static final int IGNORE = 255;

    public Scene {
        objects = List.copyOf(objects);
    }
}
