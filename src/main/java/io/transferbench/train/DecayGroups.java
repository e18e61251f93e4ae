package io.transferbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;

/**
 * Weight decay for weight matrices and kernels only: biases and normalisation scales (every
 * parameter of at most one dimension) are updated without it, as Hugging Face's Trainer and
 * timm do. Decaying a LayerNorm or BatchNorm scale pulls it towards zero, which is not the
 * prior a pretrained network's scales deserve. Two optimizers of the same kind share the work,
 * one without decay; each keeps the state of its own parameters.
 */
final class DecayGroups extends Optimizer {

    private final Optimizer decayed;
    private final Optimizer exempt;

    DecayGroups(Optimizer decayed, Optimizer exempt) {
        super(new NoSettings());
        this.decayed = decayed;
        this.exempt = exempt;
    }

    /** Whether a parameter is updated without weight decay. */
    static boolean exempt(NDArray weight) {
        return weight.getShape().dimension() <= 1;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        (exempt(weight) ? exempt : decayed).update(parameterId, weight, grad);
    }

    /** The wrapper has no settings of its own: the two optimizers carry them. */
    private static final class NoSettings extends OptimizerBuilder<NoSettings> {
        @Override
        protected NoSettings self() {
            return this;
        }
    }
}
