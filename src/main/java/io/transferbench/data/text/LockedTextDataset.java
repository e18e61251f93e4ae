package io.transferbench.data.text;

import io.transferbench.data.DatasetSource;
import io.transferbench.spec.DatasetSpec;

import java.util.List;
import java.util.Set;

/** What the text datasets declare alike: texts, labelled for classification, read from one locked asset. */
abstract class LockedTextDataset implements DatasetSource {

    private final String asset;

    LockedTextDataset(String asset) {
        this.asset = asset;
    }

    @Override
    public final String inputKind() {
        return "text";
    }

    @Override
    public final Set<String> tasks() {
        return Set.of("text-classification");
    }

    @Override
    public final List<String> assetIds(DatasetSpec spec) {
        return List.of(asset);
    }
}
