package io.transferbench.data.images;

import io.transferbench.BenchException;
import io.transferbench.assets.AssetAccess;
import io.transferbench.spec.DatasetSpec;

import java.nio.file.Path;
import java.util.List;

/**
 * Fashion-MNIST (Xiao et al. 2017): 70,000 28x28 greyscale photos of clothing in 10 classes.
 * The official training and test files are pooled and split again like every dataset here, by
 * a hash of the content: the few pictures that appear twice stay in one split. Images are kept
 * at 28x28 and resampled per batch to the model's size, grey copied to three channels.
 */
public final class FashionMnistDataset extends ImageDataset {

    static final String ASSET = "fashion-mnist";
    private static final String DIR = "usr/share/datasets/fashion-mnist";
    private static final List<String> CLASSES = List.of("t-shirt", "trouser", "pullover", "dress", "coat", "sandal",
            "shirt", "sneaker", "bag", "ankle-boot");
    /** The two official parts, by file prefix. */
    private static final List<String> PARTS = List.of("train", "t10k");

    @Override
    public String name() {
        return "fashion-mnist";
    }

    @Override
    public String description() {
        return "Fashion-MNIST: 70,000 28x28 grey product photos, 10 balanced classes (grey to RGB, resized)";
    }

    @Override
    public List<String> assetIds(DatasetSpec spec) {
        return List.of(ASSET);
    }

    @Override
    public String version() {
        return "fashion-mnist/1";
    }

    @Override
    ImageCollection read(DatasetSpec spec, AssetAccess assets, int imageSize) {
        return read(assets.directory(ASSET).resolve(DIR));
    }

    static ImageCollection read(Path dir) {
        ImageCollection collection = new ImageCollection(CLASSES);
        for (String part : PARTS) {
            Path imageFile = dir.resolve(part + "-images-idx3-ubyte.gz");
            Path labelFile = dir.resolve(part + "-labels-idx1-ubyte.gz");
            IdxFile.Images images = IdxFile.readImages(imageFile);
            byte[] labels = IdxFile.readLabels(labelFile);
            if (labels.length != images.count()) {
                throw new BenchException(BenchException.EXIT_ASSET, labelFile + ": " + labels.length
                        + " labels for the " + images.count() + " images of " + imageFile);
            }
            for (int i = 0; i < labels.length; i++) {
                int label = labels[i] & 0xff;
                if (label >= CLASSES.size()) {
                    throw new BenchException(BenchException.EXIT_ASSET, labelFile + ": label " + label + " of image "
                            + i + " is not a class 0.." + (CLASSES.size() - 1));
                }
                collection.add(images.image(i), label, part + ":" + i);
            }
        }
        return collection;
    }
}
