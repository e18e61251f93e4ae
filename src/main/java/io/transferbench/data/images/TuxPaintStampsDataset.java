package io.transferbench.data.images;

import io.transferbench.BenchException;
import io.transferbench.IoReason;
import io.transferbench.assets.AssetAccess;
import io.transferbench.spec.DatasetSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The Tux Paint stamps: about 800 PNG cut-outs (photos and drawings) in 16 top-level categories,
 * from 3 (natural forces) to 247 (symbols) per category. Stamps are composited over grey and
 * fitted into the model's square when read. Variants of one stamp (a {@code _mirror} image, the
 * {@code outlined} and {@code filled} letters) form one item and so share a split; splits are
 * stratified by category, and {@code balance: oversample} evens out the training split.
 */
public final class TuxPaintStampsDataset extends ImageDataset {

    public static final String ASSET = "tuxpaint-stamps";
    public static final String DIR = "usr/share/tuxpaint/stamps";
    private static final Pattern VARIANT_SUFFIX = Pattern.compile("_(mirror|outline|filled)$");
    private static final Pattern VARIANT_DIR = Pattern.compile("/(outlined|filled)/");

    @Override
    public String name() {
        return "tuxpaint-stamps";
    }

    @Override
    public String description() {
        return "Tux Paint stamps: ~800 RGBA cut-outs over grey, 16 unbalanced categories";
    }

    @Override
    public List<String> assetIds(DatasetSpec spec) {
        return List.of(ASSET);
    }

    @Override
    public String version() {
        return "tuxpaint-stamps/1";
    }

    @Override
    ImageCollection read(DatasetSpec spec, AssetAccess assets, int imageSize) {
        return read(assets.directory(ASSET).resolve(DIR), imageSize);
    }

    static ImageCollection read(Path root, int imageSize) {
        List<String> categories = categories(root);
        List<Path> files = stamps(root);
        // Decoding dominates; results are collected in file order, so threads change nothing.
        List<Optional<RasterImage>> decoded = IntStream.range(0, files.size()).parallel()
                .mapToObj(i -> SquareImageDecoder.decode(files.get(i), imageSize)).toList();
        ImageCollection collection = new ImageCollection(categories);
        for (int i = 0; i < files.size(); i++) {
            String relative = root.relativize(files.get(i)).toString().replace('\\', '/');
            int label = categories.indexOf(relative.substring(0, relative.indexOf('/')));
            if (decoded.get(i).isPresent()) {
                collection.add(decoded.get(i).get(), label, item(relative));
            } else {
                collection.skip();
            }
        }
        return collection;
    }

    /** The stamp an image shows: its path without extension and without variant markers. */
    public static String item(String relativePath) {
        String stem = relativePath.substring(0, relativePath.lastIndexOf('.'));
        return VARIANT_SUFFIX.matcher(VARIANT_DIR.matcher(stem).replaceAll("/")).replaceAll("");
    }

    /** The top-level category directories, sorted: a category's index is its position here. */
    public static List<String> categories(Path root) {
        try (Stream<Path> dirs = Files.list(root)) {
            List<String> names = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
            if (names.size() < 2) {
                throw new BenchException(BenchException.EXIT_ASSET, root + ": expected one directory per stamp "
                        + "category, found " + names);
            }
            return names;
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_ASSET, root + ": cannot list stamp categories: "
                    + e.getMessage(), e);
        }
    }

    /** Every PNG below a category directory, in path order. */
    public static List<Path> stamps(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".png") && Files.isRegularFile(p))
                    .filter(p -> root.relativize(p).getNameCount() > 1)
                    .sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new BenchException(BenchException.EXIT_ASSET, root + ": cannot list stamps: " + IoReason.of(e), e);
        }
    }
}
