package io.transferbench.data.images;

import io.transferbench.catalog.Plugin;
import io.transferbench.data.DatasetSource;

import java.util.List;

/** Image datasets: Fashion-MNIST, the Tux Paint stamps, and the user's own folders of images. */
public final class ImagesPlugin implements Plugin {

    @Override
    public List<DatasetSource> datasets() {
        return List.of(new FashionMnistDataset(), new TuxPaintStampsDataset(), new ImageFolderDataset());
    }
}
