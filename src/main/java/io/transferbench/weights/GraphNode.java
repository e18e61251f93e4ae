package io.transferbench.weights;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * One operation of a TF.js graph model ({@code modelTopology.node[]}, a TensorFlow
 * {@code NodeDef} as JSON).
 *
 * @param name the node's name, which is also the name of its (first) output tensor
 * @param op TensorFlow op type ({@code Conv2D}, {@code DepthwiseConv2dNative}, {@code Const}, ...)
 * @param inputs names of the nodes it reads, in order ({@code :1} suffixes and {@code ^control}
 *     inputs kept as written)
 * @param attributes the {@code attr} map as written: TensorFlow {@code AttrValue}s
 */
public record GraphNode(String name, String op, List<String> inputs, JsonNode attributes) {

    public GraphNode {
        inputs = List.copyOf(inputs);
    }

    /**
     * A list-of-ints attribute ({@code strides}, {@code ksize}, {@code dilations}); TensorFlow's
     * JSON writes the int64 values as strings.
     */
    public long[] ints(String attribute) {
        JsonNode list = require(attribute).path("list").path("i");
        long[] values = new long[list.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = list.get(i).asLong();
        }
        return values;
    }

    /** A string attribute ({@code padding}, {@code data_format}); the JSON holds it base64-encoded. */
    public String text(String attribute) {
        return new String(Base64.getDecoder().decode(require(attribute).path("s").asText()), StandardCharsets.UTF_8);
    }

    /** A boolean attribute ({@code half_pixel_centers}); false when absent, as TensorFlow defaults them. */
    public boolean flag(String attribute) {
        return attributes.path(attribute).path("b").asBoolean(false);
    }

    public boolean has(String attribute) {
        return attributes.has(attribute);
    }

    private JsonNode require(String attribute) {
        JsonNode value = attributes.get(attribute);
        if (value == null) {
            throw new WeightImportException("graph node '" + name + "' (" + op + ") has no attribute '" + attribute
                    + "'; it has " + fieldNames());
        }
        return value;
    }

    private List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        attributes.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
