package io.transferbench.weights;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A TF.js graph model: its operations and its constant tensors (the weights, dequantized to
 * float). A model family that rebuilds the graph in DJL finds each weight through the node that
 * reads it and checks the op and its attributes against what it built.
 *
 * @param nodes operations in file order, {@code Const} nodes included
 * @param weights constant tensors by name (the {@code Const} node of the same name), in manifest
 *     order
 * @param dtypes each weight's declared dtype ({@code float32}, {@code int32}), whatever it was
 *     stored as
 */
public record TfjsGraph(List<GraphNode> nodes, Map<String, NamedTensor> weights, Map<String, String> dtypes) {

    public TfjsGraph {
        nodes = List.copyOf(nodes);
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        dtypes = Map.copyOf(dtypes);
    }

    /** The node called {@code name}; a clear error when the graph has none. */
    public GraphNode node(String name) {
        return find(name).orElseThrow(() -> new WeightImportException("the graph has no node '" + name + "'"));
    }

    public Optional<GraphNode> find(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** The nodes that read {@code name}'s output, in file order. */
    public List<GraphNode> consumers(String name) {
        return nodes.stream().filter(n -> n.inputs().contains(name)).toList();
    }

    /** The constant tensor called {@code name}; a clear error when the manifest has none. */
    public NamedTensor weight(String name) {
        NamedTensor t = weights.get(name);
        if (t == null) {
            throw new WeightImportException("the graph's weights manifest has no tensor '" + name + "'");
        }
        return t;
    }

    /** How many nodes of each op type, in order of first appearance. */
    public Map<String, Integer> opCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        nodes.forEach(n -> counts.merge(n.op(), 1, Integer::sum));
        return counts;
    }

    /** Values of the float constants (int32 ones are shapes and sizes), e.g. 106,423 for MediaPipe's selfie model. */
    public long parameterCount() {
        return weights.values().stream().filter(t -> "float32".equals(dtypes.get(t.name())))
                .mapToLong(t -> t.data().length).sum();
    }
}
