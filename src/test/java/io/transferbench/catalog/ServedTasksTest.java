package io.transferbench.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.transferbench.assets.AssetAccess;
import io.transferbench.data.DatasetSource;
import io.transferbench.data.Splits;
import io.transferbench.spec.DatasetSpec;
import io.transferbench.spec.Rule;
import io.transferbench.tasks.classification.ClassificationTask;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

/** A task no dataset has labels for is registered but not offered (`bench list` shows served tasks). */
class ServedTasksTest {

    @Test
    void onlyTasksSomeDatasetServesAreServed() {
        DatasetSource clips = new DatasetSource() {
            public String name() { return "clips"; }
            public String description() { return "clips"; }
            public String inputKind() { return "audio"; }
            public Set<String> tasks() { return Set.of("audio-classification"); }
            public Rule.ObjectRule optionsRule() { return Rule.object().build(); }
            public List<String> assetIds(DatasetSpec spec) { return List.of(); }
            public String version() { return "1"; }
            public Splits load(DatasetSpec spec, AssetAccess assets) { throw new UnsupportedOperationException(); }
        };
        Catalog catalog = new Catalog(List.of(new ClassificationTask("audio-classification", "a"),
                new ClassificationTask("image-classification", "i")), List.of(), List.of(clips));
        assertEquals(Set.of("audio-classification"), catalog.servedTasks().keySet());
        assertEquals(2, catalog.tasks().size());
    }
}
