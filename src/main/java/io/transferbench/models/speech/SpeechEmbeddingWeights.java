package io.transferbench.models.speech;

import io.transferbench.weights.LayoutTransform;
import io.transferbench.weights.NamedTensor;
import io.transferbench.weights.OnnxModel;
import io.transferbench.weights.OnnxNode;
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
 * Loads {@code embedding_model.onnx} into the stages: the graph's Conv nodes, in order, fill the
 * convolution units, in order (ONNX kernels are already {@code [out, in, kh, kw]}, BatchNorm
 * folded in by tf2onnx). Every float initializer must land somewhere except the one scalar floor
 * the Max nodes share, which is checked to be the -0.4 the units apply.
 */
final class SpeechEmbeddingWeights {

    private static final float FLOOR = -0.4f;

    private SpeechEmbeddingWeights() {
    }

    static void load(List<ConvUnit> units, Path onnx) {
        OnnxModel model = OnnxReader.read(onnx);
        Map<String, NamedTensor> tensors = model.tensorsByName();
        List<OnnxNode> convs = model.nodes().stream().filter(n -> n.opType().equals("Conv")).toList();
        if (convs.size() != units.size()) {
            throw new WeightImportException(onnx + ": " + convs.size() + " Conv nodes, but speech_embedding has "
                    + units.size() + " convolutions; is this another model?");
        }
        int used = 0;
        for (int i = 0; i < units.size(); i++) {
            ConvUnit unit = units.get(i);
            OnnxNode node = convs.get(i);
            boolean hasBias = node.inputs().size() > 2;
            if (hasBias != unit.hasBias()) {
                throw new WeightImportException(onnx + ": Conv node " + node.name() + (hasBias ? " has" : " has no")
                        + " bias, convolution " + i + " expects the opposite");
            }
            Map<String, NamedTensor> sources = new LinkedHashMap<>();
            List<TensorBinding> bindings = new ArrayList<>();
            sources.put(node.inputs().get(1), tensor(tensors, node.inputs().get(1), onnx));
            bindings.add(new TensorBinding(node.inputs().get(1), "weight", LayoutTransform.IDENTITY));
            if (hasBias) {
                sources.put(node.inputs().get(2), tensor(tensors, node.inputs().get(2), onnx));
                bindings.add(new TensorBinding(node.inputs().get(2), "bias", LayoutTransform.IDENTITY));
            }
            new WeightMapping(bindings, false, false).loadInto(unit.conv(), sources);
            used += sources.size();
        }
        List<NamedTensor> rest = model.tensors().stream()
                .filter(t -> convs.stream().noneMatch(n -> n.inputs().subList(1, n.inputs().size()).contains(t.name())))
                .toList();
        if (rest.size() != 1 || rest.get(0).data().length != 1 || rest.get(0).data()[0] != FLOOR) {
            throw new WeightImportException(onnx + ": expected one scalar floor of " + FLOOR + " besides the "
                    + used + " convolution tensors, found " + rest);
        }
    }

    private static NamedTensor tensor(Map<String, NamedTensor> tensors, String name, Path onnx) {
        NamedTensor t = tensors.get(name);
        if (t == null) {
            throw new WeightImportException(onnx + ": Conv input '" + name + "' is not a float initializer");
        }
        return t;
    }

    /** The front end's mel matrix {@code 1.melW}, {@code [257, 32]}, from {@code melspectrogram.onnx}. */
    static NamedTensor melMatrix(Path onnx) {
        NamedTensor mel = OnnxReader.read(onnx).tensorsByName().get("1.melW");
        if (mel == null) {
            throw new WeightImportException(onnx + ": no mel matrix '1.melW'; is this openWakeWord's melspectrogram.onnx?");
        }
        return mel;
    }
}
