package io.transferbench.data.scenes;

import io.transferbench.data.images.RasterImage;

/**
 * A photograph or texture that scenes are cut from.
 *
 * @param name the file it came from, relative to its asset, so that splits can be checked and named
 */
public record Background(String name, RasterImage image) {
}
