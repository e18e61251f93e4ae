package io.transferbench.data;

import io.transferbench.assets.AssetAccess;
import io.transferbench.spec.DatasetSpec;
import io.transferbench.spec.Rule;

import java.util.List;
import java.util.Set;

/** A dataset the suites can name: where it comes from and how it becomes {@link Splits}. */
public interface DatasetSource {

    String name();

    String description();

    /** What one example is (vector, image, text, audio); must match the model family's input. */
    String inputKind();

    /** The tasks this dataset has labels for. */
    Set<String> tasks();

    /** The fields allowed under {@code dataset.options}. */
    Rule.ObjectRule optionsRule();

    /** Ids of the locked assets the dataset is read from; they are fetched and verified first. */
    List<String> assetIds(DatasetSpec spec);

    /**
     * Whether the dataset reads the user's files at {@code dataset.path} (then its asset is
     * {@link io.transferbench.assets.LocalFiles#id}) rather than locked assets.
     */
    default boolean readsLocalFiles() {
        return false;
    }

    /**
     * What is wrong with the files at {@code spec.path()} (a missing folder, an empty class, a
     * column that does not exist), each naming the file: found when the suite is loaded, before
     * anything is written or trained. Locked datasets have nothing to check here.
     */
    default List<String> checkFiles(DatasetSpec spec) {
        return List.of();
    }

    /** A version that changes whenever the same options would give different examples. */
    String version();

    Splits load(DatasetSpec spec, AssetAccess assets);

    /**
     * The splits labelled for {@code task}, one of {@link #tasks()}. A dataset with labels for
     * several tasks (scenes: masks or boxes) overrides this; the others have one kind of label.
     */
    default Splits load(DatasetSpec spec, String task, AssetAccess assets) {
        return load(spec, assets);
    }
}
