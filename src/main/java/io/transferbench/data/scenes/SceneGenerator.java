package io.transferbench.data.scenes;

import io.transferbench.data.images.Bilinear;
import io.transferbench.data.images.RasterImage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Pastes cut-outs onto background crops. Each scene depends only on (seed, index), through its
 * own {@link SplittableRandom}, and all resampling and blending is plain Java arithmetic (strict
 * IEEE since Java 17), so a scene is byte-identical on every machine and scenes can be made in
 * any order or in parallel. Objects are drawn category first, then cut-out, so that the large
 * categories do not crowd out the small ones.
 *
 * <p>An object pixel is one whose resampled alpha is at least {@link #OPAQUE} (half opacity):
 * softer edge pixels are blended into the image but belong to what lies beneath.
 */
public final class SceneGenerator {

    static final int OPAQUE = 128;
    /** A background crop's side is drawn between this fraction of the image's shorter side and all of it. */
    static final double MIN_CROP = 0.5;

    private final SceneSpec spec;
    private final List<List<Cutout>> cutoutLevels = new ArrayList<>();
    private final List<int[]> cutoutsByCategory = new ArrayList<>();
    private final List<List<RasterImage>> backgroundLevels = new ArrayList<>();

    /**
     * Reductions of the cut-outs and backgrounds are made once here, so that no paste or crop
     * ever samples more than two source pixels per output pixel (no aliasing).
     */
    public SceneGenerator(List<Cutout> cutouts, List<Background> backgrounds, SceneSpec spec) {
        if (cutouts.isEmpty() || backgrounds.isEmpty()) {
            throw new IllegalArgumentException("scenes need at least one cut-out and one background, got "
                    + cutouts.size() + " and " + backgrounds.size());
        }
        this.spec = spec;
        int largest = (int) Math.ceil(spec.maxScale() * spec.size());
        int smallest = Math.max(1, (int) Math.floor(spec.minScale() * spec.size()));
        TreeMap<Integer, List<Integer>> byCategory = new TreeMap<>();
        for (int i = 0; i < cutouts.size(); i++) {
            Cutout c = cutouts.get(i);
            if (c.category() >= Scene.IGNORE - 1) {
                throw new IllegalArgumentException("category " + c.category() + " of " + c.item()
                        + " does not fit a byte mask beside background and ignore");
            }
            while (Math.max(c.width(), c.height()) >= 2 * largest && Math.min(c.width(), c.height()) > 1) {
                c = c.halved();
            }
            List<Cutout> levels = new ArrayList<>(List.of(c));
            while (Math.max(c.width(), c.height()) >= 2 * smallest && Math.min(c.width(), c.height()) > 1) {
                c = c.halved();
                levels.add(c);
            }
            cutoutLevels.add(levels);
            byCategory.computeIfAbsent(c.category(), k -> new ArrayList<>()).add(i);
        }
        byCategory.values().forEach(list -> cutoutsByCategory.add(list.stream().mapToInt(Integer::intValue).toArray()));
        for (Background b : backgrounds) {
            RasterImage image = b.image();
            List<RasterImage> levels = new ArrayList<>(List.of(image));
            while (image.width() * MIN_CROP >= 2 * spec.size() && image.height() * MIN_CROP >= 2 * spec.size()) {
                image = image.halved();
                levels.add(image);
            }
            backgroundLevels.add(levels);
        }
    }

    public SceneSpec spec() {
        return spec;
    }

    public Scene generate(long seed, int index) {
        int size = spec.size();
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index).split();
        byte[] rgb = background(random);
        int count = spec.minObjects() + random.nextInt(spec.maxObjects() - spec.minObjects() + 1);
        List<Placement> placements = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int[] members = cutoutsByCategory.get(random.nextInt(cutoutsByCategory.size()));
            int cutout = members[random.nextInt(members.length)];
            double scale = spec.minScale() + random.nextDouble() * (spec.maxScale() - spec.minScale());
            int side = Math.max(1, (int) Math.round(scale * size));
            placements.add(new Placement(cutout, side, random.nextInt(size), random.nextInt(size),
                    random.nextBoolean()));
        }
        return compose(rgb, placements);
    }

    /**
     * Where one object goes: cut-out {@code cutout} (an index into the constructor's list),
     * its longer side {@code side} pixels, its centre at ({@code cx}, {@code cy}), which may lie
     * near an edge so that part of it is cut off by the frame.
     */
    record Placement(int cutout, int side, int cx, int cy, boolean flip) {
    }

    /** Pastes the objects in order over the S x S RGB {@code background}, which it overwrites. */
    Scene compose(byte[] background, List<Placement> placements) {
        int size = spec.size();
        int[] owner = new int[size * size];
        Arrays.fill(owner, -1);
        int[] categories = new int[placements.size()];
        int[] pasted = new int[placements.size()];
        for (int k = 0; k < placements.size(); k++) {
            Placement p = placements.get(k);
            List<Cutout> levels = cutoutLevels.get(p.cutout());
            categories[k] = levels.get(0).category();
            pasted[k] = paste(levels, p, background, owner, k);
        }
        return label(new RasterImage(size, size, 3, background), owner, categories, pasted);
    }

    /** A random square crop of a random background, resampled to S x S. */
    private byte[] background(SplittableRandom random) {
        List<RasterImage> levels = backgroundLevels.get(random.nextInt(backgroundLevels.size()));
        RasterImage full = levels.get(0);
        int shorter = Math.min(full.width(), full.height());
        int crop = Math.max(1, (int) Math.round(shorter * (MIN_CROP + random.nextDouble() * (1 - MIN_CROP))));
        int x = random.nextInt(full.width() - crop + 1);
        int y = random.nextInt(full.height() - crop + 1);
        int size = spec.size();
        int level = 0;
        while (level + 1 < levels.size() && (crop >> (level + 1)) >= size) {
            level++;
        }
        RasterImage image = levels.get(level);
        double factor = 1 << level;
        double step = crop / (double) size;
        byte[] out = new byte[size * size * 3];
        for (int oy = 0; oy < size; oy++) {
            double sy = (y + (oy + 0.5) * step) / factor - 0.5;
            for (int ox = 0; ox < size; ox++) {
                double sx = (x + (ox + 0.5) * step) / factor - 0.5;
                for (int c = 0; c < 3; c++) {
                    out[(oy * size + ox) * 3 + c] = (byte) Math.round(Bilinear.sample(image, sx, sy, c));
                }
            }
        }
        return out;
    }

    /**
     * Blends one object over the image and claims its opaque pixels in {@code owner}.
     *
     * @return the object's opaque pixels, counted also where they fall outside the frame
     */
    private int paste(List<Cutout> levels, Placement placement, byte[] rgb, int[] owner, int id) {
        Cutout full = levels.get(0);
        double fit = (double) placement.side() / Math.max(full.width(), full.height());
        int w = Math.max(1, (int) Math.round(full.width() * fit));
        int h = Math.max(1, (int) Math.round(full.height() * fit));
        Cutout source = full;
        for (Cutout level : levels) {
            if (level.width() >= w && level.height() >= h) {
                source = level;
            }
        }
        int left = placement.cx() - w / 2;
        int top = placement.cy() - h / 2;
        int size = spec.size();
        double stepX = (double) source.width() / w;
        double stepY = (double) source.height() / h;
        int opaque = 0;
        double[] colour = new double[3];
        for (int ty = 0; ty < h; ty++) {
            int y = top + ty;
            double sy = (ty + 0.5) * stepY - 0.5;
            for (int tx = 0; tx < w; tx++) {
                int x = left + tx;
                double sx = ((placement.flip() ? w - 1 - tx : tx) + 0.5) * stepX - 0.5;
                double alpha = sample(source, sx, sy, colour);
                boolean isObject = alpha >= OPAQUE - 0.5;
                if (isObject) {
                    opaque++;
                }
                if (x < 0 || y < 0 || x >= size || y >= size || alpha == 0) {
                    continue;
                }
                int at = y * size + x;
                for (int c = 0; c < 3; c++) {
                    double under = rgb[at * 3 + c] & 0xff;
                    rgb[at * 3 + c] = (byte) Math.round((colour[c] + under * (255 - alpha)) / 255);
                }
                if (isObject) {
                    owner[at] = id;
                }
            }
        }
        return opaque;
    }

    /**
     * Bilinear sample of a cut-out weighted by opacity: returns the alpha and leaves the
     * premultiplied colour (channel value times alpha) in {@code colour}.
     */
    private static double sample(Cutout cutout, double x, double y, double[] colour) {
        double cx = Math.min(Math.max(x, 0), cutout.width() - 1);
        double cy = Math.min(Math.max(y, 0), cutout.height() - 1);
        int x0 = (int) cx;
        int y0 = (int) cy;
        int x1 = Math.min(x0 + 1, cutout.width() - 1);
        int y1 = Math.min(y0 + 1, cutout.height() - 1);
        double fx = cx - x0;
        double fy = cy - y0;
        int[] xs = {x0, x1, x0, x1};
        int[] ys = {y0, y0, y1, y1};
        double[] weights = {(1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy};
        double alpha = 0;
        Arrays.fill(colour, 0);
        for (int k = 0; k < 4; k++) {
            double a = weights[k] * cutout.alphaAt(xs[k], ys[k]);
            alpha += a;
            for (int c = 0; c < 3; c++) {
                colour[c] += a * cutout.rgbAt(xs[k], ys[k], c);
            }
        }
        return alpha;
    }

    /** The mask and the visible objects from who owns each pixel. */
    private Scene label(RasterImage image, int[] owner, int[] categories, int[] pasted) {
        int size = spec.size();
        int n = categories.length;
        int[] visible = new int[n];
        int[] x0 = new int[n];
        int[] y0 = new int[n];
        int[] x1 = new int[n];
        int[] y1 = new int[n];
        Arrays.fill(x0, size);
        Arrays.fill(y0, size);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int o = owner[y * size + x];
                if (o >= 0) {
                    visible[o]++;
                    x0[o] = Math.min(x0[o], x);
                    y0[o] = Math.min(y0[o], y);
                    x1[o] = Math.max(x1[o], x + 1);
                    y1[o] = Math.max(y1[o], y + 1);
                }
            }
        }
        boolean[] kept = new boolean[n];
        List<SceneObject> objects = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            kept[k] = visible[k] > 0 && visible[k] >= spec.minVisible() * pasted[k];
            if (kept[k]) {
                objects.add(new SceneObject(categories[k], x0[k], y0[k], x1[k], y1[k], visible[k], pasted[k]));
            }
        }
        byte[] mask = new byte[size * size];
        for (int i = 0; i < mask.length; i++) {
            int o = owner[i];
            mask[i] = (byte) (o < 0 ? Scene.BACKGROUND : kept[o] ? 1 + categories[o] : Scene.IGNORE);
        }
        IgnoreBand.apply(mask, size, spec.ignoreBand());
        return new Scene(image, mask, objects);
    }
}
