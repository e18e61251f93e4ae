package io.transferbench.data;

import io.transferbench.assets.LocalFiles;
import io.transferbench.spec.DatasetSpec;

import java.nio.file.Path;
import java.util.List;

/** A dataset of the user's own files at {@code dataset.path}: its one asset is those files, digested. */
public interface LocalDataset extends DatasetSource {

    @Override
    default boolean readsLocalFiles() {
        return true;
    }

    @Override
    default List<String> assetIds(DatasetSpec spec) {
        return List.of(LocalFiles.id(path(spec)));
    }

    static Path path(DatasetSpec spec) {
        return Path.of(spec.path());
    }
}
