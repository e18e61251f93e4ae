package io.transferbench.weights;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TF.js model's weights, dequantized to float, and its topology for the model family to read.
 *
 * @param topology {@code modelTopology} (Keras config for layers models, a GraphDef for graph
 *     models), or a missing node for a bare weights manifest
 * @param tensors weights in manifest order
 */
public record TfjsModel(JsonNode topology, List<NamedTensor> tensors) {

    public TfjsModel {
        tensors = List.copyOf(tensors);
    }

    public Map<String, NamedTensor> tensorsByName() {
        Map<String, NamedTensor> map = new LinkedHashMap<>();
        tensors.forEach(t -> map.put(t.name(), t));
        return map;
    }

    public long parameterCount() {
        return tensors.stream().mapToLong(t -> t.data().length).sum();
    }
}
