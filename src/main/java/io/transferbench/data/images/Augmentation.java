package io.transferbench.data.images;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Random views of a training image, the usual cure for overfitting a small dataset: a random
 * resized crop (Szegedy et al. 2015, as torchvision's {@code RandomResizedCrop}), a horizontal
 * flip and colour jitter (brightness, contrast, saturation; no hue shift). Validation and test
 * images are never augmented.
 *
 * @param minArea smallest share of the image a crop covers (torchvision's default 0.08 would
 *     often cut a centred product or stamp out of the frame at these sizes)
 * @param brightness factors are drawn from [1 - b, 1 + b]; likewise contrast and saturation
 */
public record Augmentation(String name, double minArea, double flipProbability, double brightness, double contrast,
                           double saturation) {

    public static final Augmentation NONE = new Augmentation("none", 1, 0, 0, 0, 0);
    public static final Augmentation STANDARD = new Augmentation("standard", 0.25, 0.5, 0.3, 0.3, 0.3);
    public static final List<String> NAMES = List.of(NONE.name, STANDARD.name);

    private static final double MIN_RATIO = Math.log(3.0 / 4);
    private static final double MAX_RATIO = Math.log(4.0 / 3);
    /** ITU-R BT.601 luma, as PIL and torchvision compute greyscale. */
    private static final float[] LUMA = {0.299f, 0.587f, 0.114f};

    public static Augmentation named(String name) {
        return name.equals(STANDARD.name) ? STANDARD : NONE;
    }

    public boolean enabled() {
        return !name.equals(NONE.name);
    }

    /**
     * Draws one random view of {@code image} into {@code out} at {@code offset} ({@code size x size},
     * CHW, 0..255), using only {@code random}, so a view depends on nothing but its seed. Returns
     * the geometry of the view, so that a mask or boxes of the image can follow it.
     */
    public ViewGeometry draw(RasterImage image, SplittableRandom random, int size, float[] out, int offset) {
        ViewGeometry view = new ViewGeometry(crop(image, random), random.nextDouble() < flipProbability, size);
        Bilinear.draw(image, view.window(), view.mirror(), size, out, offset);
        jitter(out, offset, size * size, random);
        return view;
    }

    /** torchvision's rule: ten tries at a random area and aspect ratio, else the whole image. */
    private CropWindow crop(RasterImage image, SplittableRandom random) {
        double area = (double) image.width() * image.height();
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = area * (minArea + (1 - minArea) * random.nextDouble());
            double ratio = Math.exp(MIN_RATIO + (MAX_RATIO - MIN_RATIO) * random.nextDouble());
            double w = Math.sqrt(target * ratio);
            double h = Math.sqrt(target / ratio);
            if (w <= image.width() && h <= image.height()) {
                return new CropWindow(random.nextDouble() * (image.width() - w), random.nextDouble() * (image.height() - h),
                        w, h);
            }
        }
        return CropWindow.whole(image);
    }

    private void jitter(float[] out, int offset, int plane, SplittableRandom random) {
        float b = factor(brightness, random);
        float c = factor(contrast, random);
        float s = factor(saturation, random);
        if (b == 1 && c == 1 && s == 1) {
            return;
        }
        double lumaSum = 0;
        for (int i = 0; i < plane; i++) {
            lumaSum += luma(out, offset + i, plane) * b;
        }
        float meanLuma = (float) (lumaSum / plane);
        for (int i = 0; i < plane; i++) {
            int at = offset + i;
            float grey = luma(out, at, plane) * b;
            for (int ch = 0; ch < 3; ch++) {
                float v = out[at + ch * plane] * b;
                v = grey + (v - grey) * s;
                v = meanLuma + (v - meanLuma) * c;
                out[at + ch * plane] = Math.min(255f, Math.max(0f, v));
            }
        }
    }

    private static float luma(float[] out, int at, int plane) {
        return LUMA[0] * out[at] + LUMA[1] * out[at + plane] + LUMA[2] * out[at + 2 * plane];
    }

    private static float factor(double amount, SplittableRandom random) {
        return amount == 0 ? 1 : (float) (1 - amount + 2 * amount * random.nextDouble());
    }
}
