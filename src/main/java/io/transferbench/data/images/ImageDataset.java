package io.transferbench.data.images;

import io.transferbench.assets.AssetAccess;
import io.transferbench.data.DatasetSource;
import io.transferbench.data.Splits;
import io.transferbench.spec.DatasetSpec;
import io.transferbench.spec.Rule;

import java.util.Set;

/**
 * What every image dataset shares: its options ({@link ImageOptions}), stratified leak-free
 * splits, augmentation of the training split and the counts a cell records. A concrete dataset
 * only reads its files into an {@link ImageCollection}.
 */
public abstract class ImageDataset implements DatasetSource {

    @Override
    public final String inputKind() {
        return "image";
    }

    @Override
    public final Set<String> tasks() {
        return Set.of("image-classification");
    }

    @Override
    public final Rule.ObjectRule optionsRule() {
        return ImageOptions.rule();
    }

    @Override
    public final Splits load(DatasetSpec spec, AssetAccess assets) {
        ImageOptions options = ImageOptions.of(spec);
        return read(spec, assets, options.imageSize()).splits(spec, options);
    }

    /**
     * Reads every labelled image of the dataset.
     *
     * @param spec the suite's dataset settings (where the user's files are, for a local dataset)
     * @param imageSize the model's input size, for readers that store images already fitted to it
     */
    abstract ImageCollection read(DatasetSpec spec, AssetAccess assets, int imageSize);
}
