package io.transferbench.data.scenes;

import io.transferbench.assets.AssetAccess;
import io.transferbench.data.images.RgbaPixels;
import io.transferbench.data.images.TuxPaintStampsDataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The Tux Paint stamps as cut-outs, with the same categories and item grouping as the
 * classification data set reads them, so that both see one stamp as one item.
 *
 * @param categories category names; a cut-out's category indexes this list
 * @param cutouts every readable stamp with an opaque pixel, in path order
 * @param skipped files that were not readable images or were fully transparent
 */
public record StampCutouts(List<String> categories, List<Cutout> cutouts, int skipped) {

    public StampCutouts {
        categories = List.copyOf(categories);
        cutouts = List.copyOf(cutouts);
    }

    public static StampCutouts read(AssetAccess assets) {
        return read(assets.directory(TuxPaintStampsDataset.ASSET).resolve(TuxPaintStampsDataset.DIR));
    }

    static StampCutouts read(Path root) {
        List<String> categories = TuxPaintStampsDataset.categories(root);
        List<Path> files = TuxPaintStampsDataset.stamps(root);
        // Decoding dominates; results are collected in file order, so threads change nothing.
        List<Optional<RgbaPixels>> decoded = IntStream.range(0, files.size()).parallel()
                .mapToObj(i -> RgbaPixels.read(files.get(i))).toList();
        List<Cutout> cutouts = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String relative = root.relativize(files.get(i)).toString().replace('\\', '/');
            int category = categories.indexOf(relative.substring(0, relative.indexOf('/')));
            Cutout cutout = decoded.get(i).map(p -> Cutout.cropped(p, category,
                    TuxPaintStampsDataset.item(relative))).orElse(null);
            if (cutout != null) {
                cutouts.add(cutout);
            }
        }
        return new StampCutouts(categories, cutouts, files.size() - cutouts.size());
    }
}
