package io.transferbench.train;

import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.util.HashMap;
import java.util.Map;

/**
 * Discriminative learning rates: with n stages, stage i (0-based, input side first) learns at
 * lr x decay^(n - i) and the head at lr x headScale, so layers near the input, which hold the
 * most general features, move least, and a new, randomly initialised head can learn faster than
 * the pretrained layers under it.
 */
public final class LayerDecay {

    private LayerDecay() {}

    /** Learning-rate multipliers by parameter id (DJL's optimizers look rates up by id). */
    public static Map<String, Double> multipliers(TransferNetwork net, double decay, double headScale) {
        Map<String, Double> multipliers = new HashMap<>();
        int n = net.stages().size();
        for (int i = 0; i < n; i++) {
            double m = Math.pow(decay, n - i);
            for (Pair<String, Parameter> p : net.stages().get(i).getParameters()) {
                multipliers.put(p.getValue().getId(), m);
            }
        }
        for (Pair<String, Parameter> p : net.head().getParameters()) {
            multipliers.put(p.getValue().getId(), headScale);
        }
        return multipliers;
    }
}
