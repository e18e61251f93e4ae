package io.transferbench.models;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.transferbench.assets.AssetAccess;
import io.transferbench.data.Splits;
import io.transferbench.spec.ModelSpec;
import io.transferbench.spec.Rule;
import io.transferbench.weights.NamedTensor;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

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

    /** Whether the weights are the user's files, named by {@code model.options.path}, rather than locked assets. */
    default boolean readsLocalFiles() {
        return false;
    }

    /**
     * What is wrong with the user's files that the options name, each naming the file: found when
     * the suite is loaded, before anything is written or trained. Nothing for locked weights.
     */
    default List<String> checkFiles(ModelSpec spec) {
        return List.of();
    }

    /** Assets holding the pretrained weights (locked, or the user's files); empty when the family ships none. */
    List<String> weightAssetIds(ModelSpec spec);

    /** Loads the packaged pretrained weights into an initialised backbone. */
    void loadPretrained(Backbone backbone, ModelSpec spec, AssetAccess assets, NDManager manager);

    /**
     * Writes trained backbone {@code stages} into {@code dir} in the format the pretrained weights
     * came in, where the family can write it, and returns the files written; empty (the default)
     * where it cannot.
     */
    default List<String> exportInSourceFormat(List<Block> stages, ModelSpec spec, AssetAccess assets, Path dir) {
        return List.of();
    }

    /**
     * Pretrained weights for layers of a task's head that the source network also had, in DJL's
     * layout, by task-neutral names: {@code box_predictor_<k>/weight} ({@code [boxes x 4, channels,
     * 1, 1]}, codes {tx, ty, tw, th} per box, in the box order of TF's SSD anchors) and
     * {@code box_predictor_<k>/bias} for a detector's 1x1 box predictor on its k-th map. Empty for
     * families whose source head has nothing a new task can keep (a classifier's classes).
     */
    default Map<String, NamedTensor> pretrainedHeadTensors(ModelSpec spec, AssetAccess assets) {
        return Map.of();
    }
}
