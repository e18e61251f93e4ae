package io.transferbench.data.images;

import io.transferbench.assets.AssetAccess;
import io.transferbench.data.ClassFolders;
import io.transferbench.data.LocalDataset;
import io.transferbench.spec.DatasetSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Your own images, in torchvision's {@code ImageFolder} layout ({@link ClassFolders}): one
 * subfolder per class, or {@code train/}, {@code test/} and optionally {@code val/} holding
 * them, used as given. Any format ImageIO reads (PNG, JPEG, GIF, BMP); a file it cannot decode is
 * skipped and counted. Each image is fitted whole into the model's square over mid grey, as the
 * stamps are (transparent pixels become grey, nothing is cropped); identical pictures share a
 * split, and one filed under two classes is dropped and counted.
 */
public final class ImageFolderDataset extends ImageDataset implements LocalDataset {

    @Override
    public String name() {
        return "image-folder";
    }

    @Override
    public String description() {
        return "your images at dataset.path: one folder per class (or train/, val/, test/ of them)";
    }

    @Override
    public List<String> checkFiles(DatasetSpec spec) {
        return ClassFolders.scan(LocalDataset.path(spec)).problems();
    }

    @Override
    public String version() {
        return "image-folder/1";
    }

    @Override
    ImageCollection read(DatasetSpec spec, AssetAccess assets, int imageSize) {
        Path root = assets.directory(assetIds(spec).get(0));
        ClassFolders layout = ClassFolders.read(root);
        List<ClassFolders.LabelledFile> files = layout.files();
        // Decoding dominates; results are collected in file order, so threads change nothing.
        List<Optional<RasterImage>> decoded = IntStream.range(0, files.size()).parallel()
                .mapToObj(i -> SquareImageDecoder.decode(files.get(i).file(), imageSize)).toList();
        ImageCollection collection = new ImageCollection(layout.classNames());
        for (int i = 0; i < files.size(); i++) {
            ClassFolders.LabelledFile f = files.get(i);
            if (decoded.get(i).isEmpty()) {
                collection.skip();
                continue;
            }
            // Relative, so that splits do not change when the folder moves.
            String item = root.relativize(f.file()).toString().replace('\\', '/');
            if (f.split() == null) {
                collection.add(decoded.get(i).get(), f.label(), item);
            } else {
                collection.add(decoded.get(i).get(), f.label(), item, f.split());
            }
        }
        return collection;
    }
}
