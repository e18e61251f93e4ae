package io.transferbench.tasks;

import io.transferbench.weights.NamedTensor;

import java.util.List;
import java.util.Map;

/**
 * A task head some of whose layers the pretrained source network also had, such as a detector's
 * box predictors: it takes their weights, named as the model family names them
 * ({@code ModelFamily#pretrainedHeadTensors}), wherever its own layer has the same shape, and
 * starts the rest fresh.
 */
public interface PretrainedHeadParts {

    /** Puts in the tensors that fit; returns the names it took. */
    List<String> adopt(Map<String, NamedTensor> tensors);

    /**
     * Freezes or unfreezes the adopted layers. They are pretrained like the backbone's stages, so
     * freeze depth {@code all} (only the new layers train) keeps them fixed too.
     */
    void freezeAdopted(boolean frozen);
}
