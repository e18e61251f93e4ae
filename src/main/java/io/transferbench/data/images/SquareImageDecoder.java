package io.transferbench.data.images;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Decodes an image file, lays it over a neutral grey (a Tux Paint stamp is a cut-out with
 * transparency: no class should be recognisable from its background) and fits it whole into the
 * model's square.
 */
final class SquareImageDecoder {

    /** Mid grey: neither the white nor the black of any stamp's own outline. */
    static final int BACKGROUND = 128;

    private SquareImageDecoder() {
    }

    /** The composited, fitted RGB image, or empty when the file is not a readable image. */
    static Optional<RasterImage> decode(Path file, int size) {
        return RgbaPixels.read(file).map(p -> p.over(BACKGROUND).fittedInto(size, BACKGROUND));
    }
}
