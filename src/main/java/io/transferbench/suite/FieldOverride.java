package io.transferbench.suite;

import io.transferbench.spec.LocatedTree;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.transferbench.BenchException;

/**
 * A {@code --set key=value} override. Values are read as YAML scalars, so numbers stay numbers;
 * for grid axes a comma-separated value is a list ({@code grid.freeze=all,0}).
 */
public record FieldOverride(String path, JsonNode value, String source) {

    public static FieldOverride parse(String spec) {
        return parse(spec, "--set " + spec);
    }

    /**
     * @param source how the user wrote it, for messages (an option like {@code --seeds} is
     *     turned into an override but must be reported as itself)
     */
    public static FieldOverride parse(String spec, String source) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT,
                    "--set " + spec + ": expected key=value, e.g. --set training.epochs=2 or --set grid.freeze=all,0");
        }
        String path = spec.substring(0, eq).trim();
        String raw = spec.substring(eq + 1).trim();
        JsonNode value;
        if (path.startsWith("grid.") || path.equals("metrics")) {
            value = raw.startsWith("[") ? flowList(raw, source) : commaList(raw);
        } else {
            value = scalar(raw);
        }
        return new FieldOverride(path, value, source);
    }

    /** {@code all,0}: the values between commas, each read as a scalar. */
    private static ArrayNode commaList(String raw) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (String part : raw.split(",")) {
            list.add(scalar(part.trim()));
        }
        return list;
    }

    /** {@code [all, 0]}: a list written as in the suite file, which must hold plain values. */
    private static JsonNode flowList(String raw, String source) {
        JsonNode list = scalar(raw);
        if (!list.isArray() || list.isEmpty() || !java.util.stream.StreamSupport.stream(list.spliterator(), false)
                .allMatch(JsonNode::isValueNode)) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, source + ": a list of values is [a, b] or a,b;"
                    + " got " + raw);
        }
        return list;
    }

    /** Reads one YAML scalar the way the suite file would have. */
    static JsonNode scalar(String text) {
        LocatedTree tree = YamlReader.read("--set", "v: " + (text.isEmpty() ? "''" : text));
        return tree.root().get("v");
    }
}
