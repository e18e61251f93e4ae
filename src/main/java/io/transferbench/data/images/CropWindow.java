package io.transferbench.data.images;

/** The part of a source image, in its pixel coordinates, that becomes the model's input. */
public record CropWindow(double x, double y, double width, double height) {

    public static CropWindow whole(RasterImage image) {
        return new CropWindow(0, 0, image.width(), image.height());
    }
}
