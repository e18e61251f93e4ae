package io.transferbench.models;

import ai.djl.ndarray.NDManager;
import io.transferbench.assets.AssetAccess;
import io.transferbench.data.Splits;
import io.transferbench.spec.ModelSpec;
import io.transferbench.spec.Rule;

import java.util.List;

/** A network architecture the suites can name, with its stages and its pretrained weights. */
public interface ModelFamily {

    String name();

    String description();

    /** What one input example is (vector, image, text, audio); must match the dataset's. */
    String inputKind();

    /** The fields allowed under {@code model.options}. */
    Rule.ObjectRule optionsRule();

    int stageCount(ModelSpec spec);

    /** A new backbone for inputs of {@code inputShape} (one example, no batch axis). */
    Backbone build(ModelSpec spec, long[] inputShape);

    /**
     * The dataset's examples as this family's inputs: a text model tokenises them with its own
     * vocabulary. Called once per dataset and model in a run, before any cell is timed. Families
     * whose inputs need no such step take the examples as they are.
     */
    default Splits prepareInputs(Splits examples, ModelSpec spec, AssetAccess assets) {
        return examples;
    }

    /** Locked assets holding the pretrained weights; empty when the family ships none. */
    List<String> weightAssetIds(ModelSpec spec);

    /** Loads the packaged pretrained weights into an initialised backbone. */
    void loadPretrained(Backbone backbone, ModelSpec spec, AssetAccess assets, NDManager manager);
}
