package io.transferbench.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SGD with Nesterov momentum, computed as PyTorch's {@code torch.optim.SGD(nesterov=True)} does
 * (no dampening), in NDArray arithmetic. DJL's {@code Optimizer.nag()} calls the engine's
 * {@code nagUpdate}, which the PyTorch engine does not implement, so every cell with
 * {@code training.nesterov: true} failed. Per step, for gradient g of weight w:
 * <pre>
 *   g   = g + weight-decay * w
 *   buf = momentum * buf + g
 *   w   = w - lr * (g + momentum * buf)
 * </pre>
 */
final class NesterovSgd extends Optimizer {

    private final ParameterTracker learningRates;
    private final float momentum;
    private final NDManager stateOwner;
    private final Map<String, Map<Device, NDArray>> buffers = new ConcurrentHashMap<>();

    private NesterovSgd(Builder builder) {
        super(builder);
        this.learningRates = builder.learningRates;
        this.momentum = builder.momentum;
        this.stateOwner = builder.stateOwner;
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        float lr = learningRates.getNewValue(parameterId, updateCount(parameterId));
        // The buffer lives as long as the weight; it is made outside the scope that frees the temporaries.
        NDArray buffer = OwnedStateOptimizers.own(
                withDefaultState(buffers, parameterId, weight.getDevice(), k -> weight.zerosLike()), stateOwner);
        try (NDScope temporaries = new NDScope()) {
            NDArray g = grad.mul(rescaleGrad);
            if (clipGrad > 0) {
                g = g.clip(-clipGrad, clipGrad);
            }
            float decay = getWeightDecay();
            if (decay != 0) {
                g = g.add(weight.mul(decay));
            }
            buffer.muli(momentum).addi(g);
            weight.subi(g.add(buffer.mul(momentum)).muli(lr));
        }
        if (weight.hasGradient()) {
            OwnedStateOptimizers.clearGradient(weight);
        }
    }

    /** Learning rates (per parameter), momentum, the buffers' manager and, from DJL's builder, weight decay. */
    static final class Builder extends OwnedStateOptimizers.Builder<Builder> {

        private float momentum;

        Builder momentum(float value) {
            this.momentum = value;
            return this;
        }

        NesterovSgd build() {
            check();
            return new NesterovSgd(this);
        }

        @Override
        protected Builder self() {
            return this;
        }
    }
}
