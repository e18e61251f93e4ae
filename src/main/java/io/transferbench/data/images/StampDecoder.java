package io.transferbench.data.images;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Decodes a Tux Paint stamp (a PNG cut-out with transparency), lays it over a neutral grey so
 * that no class is recognisable from its background, and fits it into the model's square.
 */
final class StampDecoder {

    /** Mid grey: neither the white nor the black of any stamp's own outline. */
    static final int BACKGROUND = 128;

    private StampDecoder() {
    }

    /** The composited, fitted RGB image, or empty when the file is not a readable image. */
    static Optional<RasterImage> decode(Path file, int size) {
        return RgbaPixels.read(file).map(p -> p.over(BACKGROUND).fittedInto(size, BACKGROUND));
    }
}
