package io.transferbench.weights;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The initializers and nodes of an ONNX graph.
 *
 * @param tensors FLOAT and FLOAT16 initializers (FLOAT16 widened to float), in file order
 * @param longTensors INT64 initializers, in file order
 * @param nodes graph nodes, in file order
 * @param rawFloatOffsets for each FLOAT initializer stored as {@code raw_data}, the byte offset
 *     of that data in the file: a tensor of the same shape can be written over it in place
 */
public record OnnxModel(List<NamedTensor> tensors, List<NamedLongTensor> longTensors, List<OnnxNode> nodes,
                        Map<String, Long> rawFloatOffsets) {

    public OnnxModel {
        tensors = List.copyOf(tensors);
        longTensors = List.copyOf(longTensors);
        nodes = List.copyOf(nodes);
        rawFloatOffsets = Map.copyOf(rawFloatOffsets);
    }

    /** Float initializers by name. */
    public Map<String, NamedTensor> tensorsByName() {
        Map<String, NamedTensor> map = new LinkedHashMap<>();
        tensors.forEach(t -> map.put(t.name(), t));
        return map;
    }

    /** The nodes that read {@code tensorName}. */
    public List<OnnxNode> consumers(String tensorName) {
        return nodes.stream().filter(n -> n.inputs().contains(tensorName)).toList();
    }

    /**
     * The name of the single node consuming {@code tensorName}, which is how exporters' anonymous
     * initializers ({@code onnx::MatMul_852}) get a meaningful name; empty when zero or several
     * nodes read it.
     */
    public Optional<String> consumerName(String tensorName) {
        List<OnnxNode> consumers = consumers(tensorName);
        return consumers.size() == 1 ? Optional.of(consumers.get(0).name()) : Optional.empty();
    }

    /** Total number of float parameters, e.g. 22.7M for all-MiniLM-L6-v2. */
    public long parameterCount() {
        return tensors.stream().mapToLong(t -> t.data().length).sum();
    }
}
