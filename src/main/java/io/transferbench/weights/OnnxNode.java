package io.transferbench.weights;

import java.util.List;

/**
 * One operator of an ONNX graph, kept so anonymous initializers can be named by their consumer.
 *
 * @param name node name, e.g. {@code /encoder/layer.3/attention/self/query/MatMul}
 * @param opType operator, e.g. {@code MatMul}
 * @param inputs input tensor names in order
 * @param outputs output tensor names in order
 */
public record OnnxNode(String name, String opType, List<String> inputs, List<String> outputs) {

    public OnnxNode {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
