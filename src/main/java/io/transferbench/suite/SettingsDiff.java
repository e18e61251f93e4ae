package io.transferbench.suite;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The settings in which configs differ, by dotted path ({@code training.feature-cache}): every
 * leaf of the trees, lists compared whole. A setting absent from a config reads as
 * {@link #ABSENT}.
 */
public final class SettingsDiff {

    public static final String ABSENT = "(absent)";

    private SettingsDiff() {}

    /** Setting to its value in each config, in the configs' order, for the settings that differ. */
    public static Map<String, List<String>> of(List<? extends JsonNode> configs) {
        List<Map<String, String>> flat = configs.stream().map(SettingsDiff::flatten).toList();
        Map<String, List<String>> differing = new TreeMap<>();
        flat.stream().flatMap(m -> m.keySet().stream()).distinct().forEach(path -> {
            List<String> values = flat.stream().map(m -> m.getOrDefault(path, ABSENT)).toList();
            if (values.stream().distinct().count() > 1) {
                differing.put(path, values);
            }
        });
        return differing;
    }

    /** "training.epochs (15 vs 1), model.options.hidden ((absent) vs 64)": for messages. */
    public static String describe(Map<String, List<String>> diff, int limit) {
        List<String> parts = new ArrayList<>();
        diff.forEach((path, values) -> parts.add(path + " (" + String.join(" vs ", values) + ")"));
        String shown = String.join(", ", parts.subList(0, Math.min(limit, parts.size())));
        return parts.size() > limit ? shown + " and " + (parts.size() - limit) + " more" : shown;
    }

    /** Every leaf of a tree by its dotted path; numbers by value, so 1 and 1.0 are one setting. */
    public static Map<String, String> flatten(JsonNode tree) {
        Map<String, String> leaves = new LinkedHashMap<>();
        flatten(tree, "", leaves);
        return leaves;
    }

    private static void flatten(JsonNode node, String path, Map<String, String> leaves) {
        if (node.isObject() && node.size() > 0) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), leaves);
            }
        } else if (!node.isObject() && !node.isNull() && !node.isMissingNode()) {
            leaves.put(path, text(node));
        }
    }

    private static String text(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(n -> items.add(text(n)));
            return "[" + String.join(", ", items) + "]";
        }
        return node.asText();
    }
}
