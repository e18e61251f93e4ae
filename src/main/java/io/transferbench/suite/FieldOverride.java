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
            ArrayNode list = JsonNodeFactory.instance.arrayNode();
            for (String part : raw.split(",")) {
                list.add(scalar(part.trim()));
            }
            value = list;
        } else {
            value = scalar(raw);
        }
        return new FieldOverride(path, value, source);
    }

    /** Reads one YAML scalar the way the suite file would have. */
    static JsonNode scalar(String text) {
        LocatedTree tree = YamlReader.read("--set", "v: " + (text.isEmpty() ? "''" : text));
        return tree.root().get("v");
    }
}
