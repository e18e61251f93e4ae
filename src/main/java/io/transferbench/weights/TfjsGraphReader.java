package io.transferbench.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a TF.js graph model: {@code model.json} with {@code format: graph-model}, its
 * {@code modelTopology.node} list (a TensorFlow GraphDef) and the weights of its manifest, decoded
 * by {@link TfjsReader} (float16 widened to float32 exactly, uint8/uint16 dequantized).
 */
public final class TfjsGraphReader {

    private static final String GRAPH_FORMAT = "graph-model";

    private TfjsGraphReader() {
    }

    public static TfjsGraph read(Path modelJson) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(modelJson.toFile());
        } catch (IOException e) {
            throw new WeightImportException(modelJson + ": cannot read TF.js model: " + e.getMessage(), e);
        }
        String format = root.path("format").asText("");
        if (!GRAPH_FORMAT.equals(format)) {
            throw new WeightImportException(modelJson + ": format is '" + format + "', not '" + GRAPH_FORMAT
                    + "'; a layers model or a bare manifest has no graph to rebuild");
        }
        JsonNode nodeList = root.path("modelTopology").path("node");
        if (!nodeList.isArray() || nodeList.isEmpty()) {
            throw new WeightImportException(modelJson + ": no 'modelTopology.node' list");
        }
        List<GraphNode> nodes = new ArrayList<>();
        for (JsonNode n : nodeList) {
            List<String> inputs = new ArrayList<>();
            n.path("input").forEach(i -> inputs.add(i.asText()));
            nodes.add(new GraphNode(n.path("name").asText(), n.path("op").asText(), inputs, n.path("attr")));
        }
        Map<String, String> dtypes = new HashMap<>();
        for (JsonNode group : root.path("weightsManifest")) {
            group.path("weights").forEach(w -> dtypes.put(w.path("name").asText(), w.path("dtype").asText()));
        }
        TfjsModel model = TfjsReader.read(modelJson);
        return new TfjsGraph(nodes, model.tensorsByName(), dtypes);
    }
}
