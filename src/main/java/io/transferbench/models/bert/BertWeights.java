package io.transferbench.models.bert;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.transferbench.weights.LayoutTransform;
import io.transferbench.weights.NamedTensor;
import io.transferbench.weights.OnnxModel;
import io.transferbench.weights.OnnxReader;
import io.transferbench.weights.TensorBinding;
import io.transferbench.weights.WeightImportException;
import io.transferbench.weights.WeightMapping;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Hugging Face BERT exported to ONNX into the encoder's stages. The exporter leaves the
 * attention and feed-forward matrices anonymous ({@code onnx::MatMul_787}) and stored
 * {@code [in, out]}; each is named after the MatMul node that consumes it
 * ({@code /encoder/layer.0/attention/self/query/MatMul} becomes
 * {@code encoder.layer.0.attention.self.query.weight}) and transposed to {@code [out, in]}. Every
 * tensor must land in exactly one parameter and every parameter must be filled.
 */
final class BertWeights {

    private static final String ANONYMOUS = "onnx::";
    private static final String MATMUL = "/MatMul";

    private BertWeights() {}

    /** The ONNX file's float tensors under Hugging Face parameter names, matrices as {@code [out, in]}. */
    static Map<String, NamedTensor> read(Path onnx) {
        OnnxModel model = OnnxReader.read(onnx);
        Map<String, NamedTensor> named = new LinkedHashMap<>();
        for (NamedTensor t : model.tensors()) {
            if (!t.name().startsWith(ANONYMOUS)) {
                named.put(t.name(), t);
                continue;
            }
            String node = model.consumerName(t.name()).filter(n -> n.endsWith(MATMUL)).orElseThrow(() ->
                    new WeightImportException(onnx + ": tensor " + t.name() + " is not the weight of a MatMul node"));
            String name = node.substring(1, node.length() - MATMUL.length()).replace('/', '.') + ".weight";
            named.put(name, LayoutTransform.TRANSPOSE.apply(t).renamed(name));
        }
        return named;
    }

    /**
     * The stages' values under the ONNX file's initializer names, in its layout (the anonymous
     * matrices transposed back to {@code [in, out]}): what {@link #read} would give back.
     */
    static Map<String, float[]> toOnnx(List<Block> stages, OnnxModel model) {
        Map<String, String> onnxNameOf = new LinkedHashMap<>();
        for (NamedTensor t : model.tensors()) {
            onnxNameOf.put(t.name().startsWith(ANONYMOUS) ? model.consumerName(t.name())
                    .map(node -> node.substring(1, node.length() - MATMUL.length()).replace('/', '.') + ".weight")
                    .orElse(t.name()) : t.name(), t.name());
        }
        Map<String, float[]> values = new LinkedHashMap<>();
        for (int i = 0; i < stages.size(); i++) {
            String prefix = i == 0 ? "embeddings." : "encoder.layer." + (i - 1) + ".";
            for (Pair<String, Parameter> p : stages.get(i).getParameters()) {
                String onnxName = onnxNameOf.get(prefix + p.getKey());
                if (onnxName == null) {
                    throw new WeightImportException("no initializer for " + prefix + p.getKey());
                }
                NamedTensor ours = new NamedTensor(onnxName, p.getValue().getArray().getShape().getShape(),
                        p.getValue().getArray().toFloatArray());
                values.put(onnxName, onnxName.startsWith(ANONYMOUS) ? LayoutTransform.TRANSPOSE.apply(ours).data()
                        : ours.data());
            }
        }
        return values;
    }

    /** Fills stage 0 from {@code embeddings.*} and stage i from {@code encoder.layer.(i-1).*}. */
    static void load(List<Block> stages, Map<String, NamedTensor> tensors) {
        int used = 0;
        for (int i = 0; i < stages.size(); i++) {
            String prefix = i == 0 ? "embeddings." : "encoder.layer." + (i - 1) + ".";
            Map<String, NamedTensor> sources = new LinkedHashMap<>();
            tensors.forEach((name, t) -> {
                if (name.startsWith(prefix)) {
                    sources.put(name, t);
                }
            });
            List<TensorBinding> bindings = new ArrayList<>();
            for (Pair<String, Parameter> p : stages.get(i).getParameters()) {
                bindings.add(new TensorBinding(prefix + p.getKey(), p.getKey(), LayoutTransform.IDENTITY));
            }
            new WeightMapping(bindings, false, false).loadInto(stages.get(i), sources);
            used += sources.size();
        }
        if (used != tensors.size()) {
            List<String> left = tensors.keySet().stream()
                    .filter(n -> !n.startsWith("embeddings.") && !n.matches("encoder\\.layer\\.\\d+\\..*")).toList();
            throw new WeightImportException("the checkpoint has tensors no stage takes (more layers than the "
                    + "model, or a pooler): " + (left.isEmpty() ? (tensors.size() - used) + " encoder tensors" : left));
        }
    }
}
