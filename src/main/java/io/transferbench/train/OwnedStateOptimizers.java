package io.transferbench.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Sgd;

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
