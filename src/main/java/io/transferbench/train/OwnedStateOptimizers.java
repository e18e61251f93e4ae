package io.transferbench.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.optimizer.Sgd;
import ai.djl.training.tracker.ParameterTracker;

import java.util.Map;
import java.util.function.Function;

/**
 * DJL's optimizers with their state in a manager the cell closes. DJL detaches optimizer state
 * (AdamW's two moments, SGD's momentum) from every manager and leaves it "to the garbage
 * collector", which never frees native memory: each cell leaked its optimizer state, twice its
 * trainable parameters for AdamW (about 100 MB a cell fine-tuning four MiniLM layers), and a
 * long grid's resident memory grew cell after cell. Here the state is attached to {@code owner}
 * instead, the model's manager, and freed with the cell ({@link NesterovSgd} and {@link InPlaceAdamW}
 * do the same).
 */
final class OwnedStateOptimizers {

    private OwnedStateOptimizers() {}

    /** Moves a state array into {@code owner} the first time the optimizer hands it out. */
    static NDArray own(NDArray state, NDManager owner) {
        if (state.getManager() != owner) {
            state.attach(owner);
        }
        return state;
    }

    /**
     * Clears a weight's gradient after its update, as DJL's engine kernels do: PyTorch adds each
     * backward pass into the gradient, and nothing else in DJL's trainer clears it (its gradient
     * collector no longer does), so an optimizer that leaves it would step on the sum of every
     * gradient so far. The optimizer itself is handed a copy, so the weight's own is cleared,
     * with torch's {@code zero_} (one write), not by subtracting it from itself (two reads and a
     * write per weight and step). The harness trains on PyTorch only.
     */
    static void clearGradient(NDArray weight) {
        JniUtils.zeroGrad((PtNDArray) weight);
    }

    /** What the project's own optimizers are built from: per-parameter learning rates and the manager of their state. */
    abstract static class Builder<B extends Builder<B>> extends Optimizer.OptimizerBuilder<B> {

        ParameterTracker learningRates;
        NDManager stateOwner;

        B learningRates(ParameterTracker tracker) {
            this.learningRates = tracker;
            return self();
        }

        /** The manager the optimizer's state lives in, closed with the cell. */
        B stateOwner(NDManager manager) {
            this.stateOwner = manager;
            return self();
        }

        /** Refuses a builder without learning rates or a manager for the state. */
        final void check() {
            if (learningRates == null || stateOwner == null) {
                throw new IllegalStateException("no learning rates or no manager for the optimizer's state");
            }
        }
    }

    static final class OwnedSgd extends Sgd {
        private final NDManager owner;

        OwnedSgd(Sgd.Builder builder, NDManager owner) {
            super(builder);
            this.owner = owner;
        }

        @Override
        protected NDArray withDefaultState(Map<String, Map<Device, NDArray>> state, String key, Device device,
                                           Function<String, NDArray> defaultFunction) {
            return own(super.withDefaultState(state, key, device, defaultFunction), owner);
        }
    }
}
