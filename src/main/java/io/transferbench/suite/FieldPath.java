package io.transferbench.suite;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A suite field by its dotted path ({@code training.weight-decay}), as grid axes and
 * {@code --set} name it, looked up in a resolved cell config.
 */
public final class FieldPath {

    private FieldPath() {}

    /** The JSON pointer of a dotted path; each segment is escaped, so '~' and '/' stay literal. */
    public static JsonPointer pointer(String dottedPath) {
        StringBuilder pointer = new StringBuilder();
        for (String segment : dottedPath.split("\\.")) {
            pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return JsonPointer.compile(pointer.toString());
    }

    /**
     * The field's value as a suite writes it (1e-4 as 0.0001, not Java's 1.0E-4), or "" where the
     * config has no such field.
     */
    public static String value(JsonNode config, String dottedPath) {
        JsonNode node = config.at(pointer(dottedPath));
        return node.isNumber() ? node.decimalValue().stripTrailingZeros().toPlainString() : node.asText("");
    }

    /** The field's value as text, or "" where the config has no such field. */
    public static String text(JsonNode config, String dottedPath) {
        return config.at(pointer(dottedPath)).asText("");
    }
}
