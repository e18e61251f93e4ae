package io.transferbench.data.scenes;

import io.transferbench.BenchException;
import io.transferbench.IoReason;
import io.transferbench.assets.AssetAccess;
import io.transferbench.data.images.RasterImage;
import io.transferbench.data.images.RgbaPixels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The locked background photographs: scikit-image's and OpenCV's sample images, curated in
 * {@code datasets.lock} (only real photographs and textures of 256 px and more), so that every
 * file an asset holds is a usable background.
 */
public final class SceneBackgrounds {

    /** The assets holding backgrounds, each a file list chosen by hand in the lock. */
    public static final List<String> ASSETS = List.of("skimage-backgrounds", "opencv-backgrounds");

    private SceneBackgrounds() {
    }

    /** Every background of {@link #ASSETS}, in asset then path order, named {@code asset/path}. */
    public static List<Background> read(AssetAccess assets) {
        List<Background> all = new ArrayList<>();
        for (String id : ASSETS) {
            all.addAll(read(assets.directory(id), id));
        }
        return all;
    }

    static List<Background> read(Path root, String asset) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new BenchException(BenchException.EXIT_ASSET, root + ": cannot list backgrounds: " + IoReason.of(e), e);
        }
        List<Background> backgrounds = new ArrayList<>();
        for (Path file : files) {
            // The lock verified every byte, so an unreadable file means the curated list is wrong.
            RgbaPixels pixels = RgbaPixels.read(file).orElseThrow(() -> new BenchException(BenchException.EXIT_ASSET,
                    file + ": a locked background is not a readable image"));
            String name = asset + "/" + root.relativize(file).toString().replace('\\', '/');
            backgrounds.add(new Background(name, new RasterImage(pixels.width(), pixels.height(), 3, pixels.rgb())));
        }
        return backgrounds;
    }
}
