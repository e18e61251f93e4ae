package io.transferbench.train;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.util.HashMap;
import java.util.Map;

/**
 * Discriminative learning rates: with n stages, stage i (0-based, input side first) learns at
 * lr x decay^(n - i) and the head at lr, so layers near the input, which hold the most general
 * features, move least.
 */
public final class LayerDecay {

    private LayerDecay() {}

    /** Learning-rate multipliers by parameter id (DJL's optimizers look rates up by id). */
    public static Map<String, Double> multipliers(TransferNetwork net, double decay) {
        Map<String, Double> multipliers = new HashMap<>();
        int n = net.stages().size();
        for (int i = 0; i < n; i++) {
            double m = Math.pow(decay, n - i);
            for (Pair<String, Parameter> p : net.stages().get(i).getParameters()) {
                multipliers.put(p.getValue().getId(), m);
            }
        }
        return multipliers;
    }
}
