package io.transferbench.data.images;

import io.transferbench.LockedAssets;
import io.transferbench.data.Splits;
import io.transferbench.spec.DatasetSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading stamps: categories, compositing, variants kept together, damaged files counted. */
class TuxPaintStampsDatasetTest {

    private static final List<String> CATEGORIES = List.of("animals", "clothes", "food", "hobbies", "household",
            "medical", "military", "naturalforces", "people", "plants", "seasonal", "space", "sports", "symbols",
            "town", "vehicles");

    @TempDir
    Path root;

    @Test
    void variantsOfOneStampShareAnItem() {
        assertEquals(TuxPaintStampsDataset.item("vehicles/emergency/sedan_police.png"),
                TuxPaintStampsDataset.item("vehicles/emergency/sedan_police_mirror.png"));
        assertEquals(TuxPaintStampsDataset.item("symbols/alphabets/english/outlined/uppercase/A_outline.png"),
                TuxPaintStampsDataset.item("symbols/alphabets/english/filled/uppercase/A_filled.png"));
        assertNotEquals(TuxPaintStampsDataset.item("animals/amphibians/frog.png"),
                TuxPaintStampsDataset.item("animals/amphibians/frog-1.png"));
    }

    @Test
    void unreadableFilesAreSkippedAndCountedAndAmbiguousCopiesDropped() throws IOException {
        writeFixture();
        Files.write(root.resolve("animals/broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Files.writeString(root.resolve("plants/notes.txt"), "not a stamp");

        ImageCollection collection = TuxPaintStampsDataset.read(root, 32);
        assertEquals(12, collection.size());
        Splits splits = collection.splits(spec(1), new ImageOptions(32, Augmentation.NONE, false));
        assertEquals(List.of("animals", "plants"), splits.classNames());
        assertEquals(1L, splits.counts().get(Splits.SKIPPED));
        assertEquals(2L, splits.counts().get(ImageCollection.CONFLICTING), "the dog filed as a plant too");
        assertEquals(10L, splits.counts().get("train") + splits.counts().get("val") + splits.counts().get("test"));
    }

    @Test
    void aStampAndItsMirroredVariantAlwaysLandInTheSameSplit() throws Exception {
        writeFixture();
        ImageCollection collection = TuxPaintStampsDataset.read(root, 32);
        for (int seed = 1; seed <= 20; seed++) {
            Splits splits = collection.splits(spec(seed), new ImageOptions(32, Augmentation.NONE, false));
            int cat = -1;
            int mirror = -1;
            List<SplitFingerprints> all = List.of(SplitFingerprints.of(splits.train()), SplitFingerprints.of(splits.val()),
                    SplitFingerprints.of(splits.test()));
            for (int s = 0; s < 3; s++) {
                if (all.get(s).inputs().contains(solid(255, 0, 0))) {
                    cat = s;
                }
                if (all.get(s).inputs().contains(solid(200, 0, 0))) {
                    mirror = s;
                }
            }
            assertTrue(cat >= 0 && cat == mirror, "seed " + seed + ": cat in split " + cat + ", mirror in " + mirror);
        }
    }

    @Test
    void transparencyIsLaidOverNeutralGreyAndGreyPngsKeepTheirValues() throws IOException {
        writeFixture();
        RasterImage bush = SquareImageDecoder.decode(root.resolve("plants/bush.png"), 32).orElseThrow();
        assertEquals(100, bush.at(16, 16, 0));
        assertEquals(100, bush.at(16, 16, 2));
        RasterImage leaf = SquareImageDecoder.decode(root.resolve("plants/leaf.png"), 32).orElseThrow();
        assertEquals((200 * 128 + 128 * 127 + 127) / 255, leaf.at(16, 16, 1));
        RasterImage tree = SquareImageDecoder.decode(root.resolve("plants/tree.png"), 32).orElseThrow();
        assertEquals(0, tree.at(16, 16, 0));
        assertEquals(100, tree.at(16, 16, 1));
    }

    @Test
    void theRealStampsHaveSixteenCategoriesEachInEverySplitAndNoPictureInTwoSplits() throws Exception {
        Path stamps = LockedAssets.fetched(TuxPaintStampsDataset.ASSET).resolve(TuxPaintStampsDataset.DIR);
        ImageCollection collection = TuxPaintStampsDataset.read(stamps, 32);
        Splits splits = collection.splits(spec(20_261_124), new ImageOptions(32, Augmentation.NONE, true));
        assertEquals(CATEGORIES, splits.classNames());
        assertEquals(796, collection.size());
        assertEquals(0L, splits.counts().get(Splits.SKIPPED));
        assertEquals(2L, splits.counts().get(ImageCollection.CONFLICTING), "fireman240a.png is in military and people");
        SplitFingerprints train = SplitFingerprints.of(splits.train());
        SplitFingerprints val = SplitFingerprints.of(splits.val());
        SplitFingerprints test = SplitFingerprints.of(splits.test());
        assertTrue(Collections.disjoint(new HashSet<>(train.inputs()), new HashSet<>(val.inputs())));
        assertTrue(Collections.disjoint(new HashSet<>(train.inputs()), new HashSet<>(test.inputs())));
        assertTrue(Collections.disjoint(new HashSet<>(val.inputs()), new HashSet<>(test.inputs())));
        for (int c = 0; c < CATEGORIES.size(); c++) {
            assertTrue(val.countOf(c) >= 1 && test.countOf(c) >= 1, CATEGORIES.get(c) + " misses a split");
        }
        long symbols = splits.counts().get("train.symbols");
        long medical = splits.counts().get("train.medical");
        assertTrue(symbols > 20 * medical, "unbalanced: " + symbols + " symbols vs " + medical + " medical");
        assertTrue(splits.counts().get(ImageCollection.OVERSAMPLED) > splits.counts().get("train"));
        assertEquals(splits.counts().get(ImageCollection.OVERSAMPLED), (long) train.inputs().size());
    }

    private static DatasetSpec spec(long seed) {
        return new DatasetSpec("tuxpaint-stamps", null, 0.2, 0.2, seed, null);
    }

    /** Two categories of solid-colour stamps; each colour names its stamp in the rendered batches. */
    private void writeFixture() throws IOException {
        rgba("animals/cat.png", 255, 0, 0, 255);
        rgba("animals/cat_mirror.png", 200, 0, 0, 255);
        rgba("animals/dog.png", 0, 255, 0, 255);
        rgba("animals/bird.png", 0, 0, 255, 255);
        rgba("animals/fish.png", 255, 255, 0, 255);
        rgba("animals/mammals/bear.png", 128, 0, 128, 255);
        rgba("plants/tree.png", 0, 100, 0, 255);
        rgba("plants/flower.png", 255, 0, 255, 255);
        rgba("plants/grass.png", 0, 255, 255, 255);
        rgba("plants/greendog.png", 0, 255, 0, 255);
        greyAlpha("plants/bush.png", 100, 255);
        greyAlpha("plants/leaf.png", 200, 128);
    }

    private void rgba(String path, int r, int g, int b, int a) throws IOException {
        BufferedImage image = new BufferedImage(12, 12, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 12; y++) {
            for (int x = 0; x < 12; x++) {
                image.setRGB(x, y, a << 24 | r << 16 | g << 8 | b);
            }
        }
        save(image, path);
    }

    private void greyAlpha(String path, int grey, int alpha) throws IOException {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(12, 12);
        for (int y = 0; y < 12; y++) {
            for (int x = 0; x < 12; x++) {
                raster.setSample(x, y, 0, grey);
                raster.setSample(x, y, 1, alpha);
            }
        }
        save(new BufferedImage(model, raster, false, null), path);
    }

    private void save(BufferedImage image, String path) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        assertTrue(ImageIO.write(image, "png", file.toFile()), "no PNG writer for " + path);
    }

    /** The fingerprint of a solid-colour stamp as rendered at 32 px. */
    private static String solid(int r, int g, int b) throws Exception {
        float[] pixels = new float[3 * 32 * 32];
        for (int i = 0; i < 32 * 32; i++) {
            pixels[i] = r;
            pixels[i + 32 * 32] = g;
            pixels[i + 2 * 32 * 32] = b;
        }
        return SplitFingerprints.digest(pixels, 0, pixels.length);
    }
}
