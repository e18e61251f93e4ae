package io.transferbench.data.scenes;

import io.transferbench.data.images.RasterImage;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pasting on hand-built cut-outs: occlusion, boxes, dropping, the ignore band, flips, determinism. */
class SceneGeneratorTest {

    private static final Background GREY = new Background("grey", uniform(64, 64, 100));

    @Test
    void aLaterObjectCoversAnEarlierOneAndTheEarlierBoxShrinksToItsVisiblePart() {
        SceneGenerator generator = generator(spec(0.2, 0), square(20, 0), square(20, 1));
        Scene scene = compose(generator, new SceneGenerator.Placement(0, 20, 20, 20, false),
                new SceneGenerator.Placement(1, 20, 30, 20, false));
        assertEquals(1, mask(scene, 15, 20));
        assertEquals(2, mask(scene, 25, 20));
        assertEquals(2, mask(scene, 39, 20));
        assertEquals(0, mask(scene, 40, 20));
        assertEquals(List.of(new SceneObject(0, 10, 10, 20, 30, 200, 400), new SceneObject(1, 20, 10, 40, 30, 400, 400)),
                scene.objects());
    }

    @Test
    void aFullyCoveredObjectIsDroppedAndLeavesNoTrace() {
        SceneGenerator generator = generator(spec(0.2, 0), square(20, 0), square(20, 1));
        Scene scene = compose(generator, new SceneGenerator.Placement(0, 20, 20, 20, false),
                new SceneGenerator.Placement(1, 20, 20, 20, false));
        assertEquals(List.of(new SceneObject(1, 10, 10, 30, 30, 400, 400)), scene.objects());
        assertFalse(values(scene).contains(1) || values(scene).contains(Scene.IGNORE));
    }

    @Test
    void theRemainsOfAnObjectBelowTheVisibleFractionAreIgnoredNotLabelled() {
        SceneGenerator generator = generator(spec(0.2, 0), square(20, 0), square(20, 1));
        Scene scene = compose(generator, new SceneGenerator.Placement(0, 20, 20, 20, false),
                new SceneGenerator.Placement(1, 20, 22, 20, false));
        assertEquals(List.of(1), scene.objects().stream().map(SceneObject::category).toList());
        assertEquals(Scene.IGNORE, mask(scene, 11, 20), "A's two visible columns, 10% of it");
        assertEquals(2, mask(scene, 12, 20));
    }

    @Test
    void theFrameCutsAnObjectAndCountsAsHidingIt() {
        SceneGenerator generator = generator(spec(0.2, 0), square(20, 0));
        Scene scene = compose(generator, new SceneGenerator.Placement(0, 20, 0, 0, false));
        assertEquals(List.of(new SceneObject(0, 0, 0, 10, 10, 100, 400)), scene.objects());
        assertEquals(0.25, scene.objects().get(0).visibleFraction());
    }

    @Test
    void theIgnoreBandCoversBothSidesOfEveryClassBoundary() {
        SceneGenerator generator = generator(spec(0.2, 2), square(20, 0), square(20, 1));
        Scene scene = compose(generator, new SceneGenerator.Placement(0, 20, 20, 20, false),
                new SceneGenerator.Placement(1, 20, 30, 20, false));
        // A spans columns 10..19, B 20..39, rows 10..29.
        assertEquals(0, mask(scene, 7, 20));
        for (int x = 8; x <= 11; x++) {
            assertEquals(Scene.IGNORE, mask(scene, x, 20), "A's left edge, column " + x);
        }
        assertEquals(1, mask(scene, 15, 20));
        for (int x = 18; x <= 21; x++) {
            assertEquals(Scene.IGNORE, mask(scene, x, 20), "A against B, column " + x);
        }
        assertEquals(2, mask(scene, 30, 20));
        assertEquals(Scene.IGNORE, mask(scene, 30, 28), "B's lower edge");
        assertEquals(new SceneObject(0, 10, 10, 20, 30, 200, 400), scene.objects().get(0), "boxes ignore the band");
    }

    @Test
    void aFlippedObjectIsMirroredLeftToRight() {
        Cutout leftHalf = halfOpaque(20, 0);
        SceneGenerator generator = generator(spec(0, 0), leftHalf);
        Scene plain = compose(generator, new SceneGenerator.Placement(0, 20, 20, 20, false));
        Scene flipped = compose(generator, new SceneGenerator.Placement(0, 20, 20, 20, true));
        assertEquals(new SceneObject(0, 10, 10, 20, 30, 200, 200), plain.objects().get(0));
        assertEquals(new SceneObject(0, 20, 10, 30, 30, 200, 200), flipped.objects().get(0));
        assertEquals(255, flipped.image().at(25, 20, 0), "the red half, now on the right");
        assertEquals(100, flipped.image().at(15, 20, 0), "the transparent half shows the background");
    }

    @Test
    void halfOpaquePixelsBlendButBelongToTheBackground() {
        byte[] alpha = new byte[100];
        Arrays.fill(alpha, (byte) 127);
        Cutout faint = new Cutout(10, 10, filled(300, (byte) 200), alpha, 0, "faint");
        Scene scene = compose(generator(spec(0, 0), faint), new SceneGenerator.Placement(0, 10, 20, 20, false));
        assertTrue(scene.objects().isEmpty());
        assertEquals(0, mask(scene, 20, 20));
        assertEquals(Math.round((200 * 127 + 100 * 128) / 255.0), scene.image().at(20, 20, 0));
    }

    @Test
    void aSceneIsTheSameBytesForTheSameSeedAndIndexAndAsOnTheMachineThatWroteTheDigest() throws Exception {
        SceneSpec spec = new SceneSpec(64, 1, 5, 0.2, 0.7, 0.25, 1);
        List<Cutout> cutouts = List.of(gradientCutout(37, 23, 0), gradientCutout(16, 40, 1), square(30, 2));
        List<Background> backgrounds = List.of(new Background("ramp", ramp(300, 200)));
        Scene first = new SceneGenerator(cutouts, backgrounds, spec).generate(42, 7);
        Scene again = new SceneGenerator(cutouts, backgrounds, spec).generate(42, 7);
        assertArrayEquals(first.image().pixels(), again.image().pixels());
        assertArrayEquals(first.mask(), again.mask());
        assertEquals(first.objects(), again.objects());
        assertFalse(Arrays.equals(first.mask(), new SceneGenerator(cutouts, backgrounds, spec).generate(42, 8).mask()));
        assertFalse(first.objects().isEmpty());
        assertEquals("faf369e648952c6b89ba50128e1b0a1214fb98b97f4c3733a5bc2bcf26a7887c", digest(first));
    }

    /** The sha256 of the image bytes followed by the mask bytes. */
    static String digest(Scene scene) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(scene.image().pixels());
        return HexFormat.of().formatHex(sha.digest(scene.mask()));
    }

    private static SceneSpec spec(double minVisible, int band) {
        return new SceneSpec(64, 1, 1, 0.1, 1, minVisible, band);
    }

    private static SceneGenerator generator(SceneSpec spec, Cutout... cutouts) {
        return new SceneGenerator(List.of(cutouts), List.of(GREY), spec);
    }

    private static Scene compose(SceneGenerator generator, SceneGenerator.Placement... placements) {
        return generator.compose(GREY.image().pixels().clone(), List.of(placements));
    }

    private static int mask(Scene scene, int x, int y) {
        return scene.mask()[y * 64 + x] & 0xff;
    }

    private static List<Integer> values(Scene scene) {
        return java.util.stream.IntStream.range(0, scene.mask().length).map(i -> scene.mask()[i] & 0xff)
                .distinct().boxed().toList();
    }

    private static Cutout square(int side, int category) {
        return new Cutout(side, side, filled(side * side * 3, (byte) (40 * category + 20)),
                filled(side * side, (byte) 255), category, "square-" + category);
    }

    /** Opaque red on the left half, transparent on the right: the crop to its opaque part keeps the width. */
    private static Cutout halfOpaque(int side, int category) {
        byte[] rgb = new byte[side * side * 3];
        byte[] alpha = new byte[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side / 2; x++) {
                rgb[(y * side + x) * 3] = (byte) 255;
                alpha[y * side + x] = (byte) 255;
            }
        }
        return new Cutout(side, side, rgb, alpha, category, "half");
    }

    private static Cutout gradientCutout(int w, int h, int category) {
        byte[] rgb = new byte[w * h * 3];
        byte[] alpha = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                rgb[3 * i] = (byte) (x * 7);
                rgb[3 * i + 1] = (byte) (y * 5);
                rgb[3 * i + 2] = (byte) (category * 90);
                int edge = Math.min(Math.min(x, w - 1 - x), Math.min(y, h - 1 - y));
                alpha[i] = (byte) Math.min(255, edge * 80);
            }
        }
        return new Cutout(w, h, rgb, alpha, category, "gradient-" + category);
    }

    private static RasterImage ramp(int w, int h) {
        byte[] pixels = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            pixels[3 * i] = (byte) (i % w);
            pixels[3 * i + 1] = (byte) (i / w);
            pixels[3 * i + 2] = (byte) ((i % w) ^ (i / w));
        }
        return new RasterImage(w, h, 3, pixels);
    }

    private static RasterImage uniform(int w, int h, int value) {
        return new RasterImage(w, h, 3, filled(w * h * 3, (byte) value));
    }

    private static byte[] filled(int n, byte value) {
        byte[] bytes = new byte[n];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
