package io.transferbench.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.Map;

/**
 * A suite document as a JSON tree plus the source location of every field, so that validation
 * errors found after profiles and overrides were merged can still point at a file, line and
 * column. Paths look like {@code training.epochs} and {@code grid.lr[1]}.
 */
public final class LocatedTree {

    private final ObjectNode root;
    private final Map<String, SourceLocation> locations;
    private final SourceLocation fallback;

    public LocatedTree(ObjectNode root, Map<String, SourceLocation> locations, SourceLocation fallback) {
        this.root = root;
        this.locations = new HashMap<>(locations);
        this.fallback = fallback;
    }

    public ObjectNode root() {
        return root;
    }

    /** The location of a path, or of its nearest ancestor that has one. */
    public SourceLocation locate(String path) {
        String p = path;
        while (true) {
            SourceLocation loc = locations.get(p);
            if (loc != null) {
                return loc;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return locations.getOrDefault("", fallback);
            }
            p = p.substring(0, cut);
        }
    }

    /** Records that the subtree at {@code path} now comes from somewhere else. */
    public void relocate(String path, Map<String, SourceLocation> fromOther, String otherPrefix) {
        locations.keySet().removeIf(k -> k.equals(path) || k.startsWith(path + ".") || k.startsWith(path + "["));
        for (Map.Entry<String, SourceLocation> e : fromOther.entrySet()) {
            String k = e.getKey();
            if (k.equals(otherPrefix) || k.startsWith(otherPrefix + ".") || k.startsWith(otherPrefix + "[")) {
                locations.put(path + k.substring(otherPrefix.length()), e.getValue());
            }
        }
    }

    public void put(String path, SourceLocation location) {
        locations.put(path, location);
    }

    public Map<String, SourceLocation> locations() {
        return locations;
    }

    public static String child(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    /** Sets the value at a dotted path, creating the mappings on the way. */
    public static void set(ObjectNode root, String dottedPath, JsonNode value) {
        String[] parts = dottedPath.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = node.get(parts[i]);
            if (next == null || !next.isObject()) {
                next = node.putObject(parts[i]);
            }
            node = (ObjectNode) next;
        }
        node.set(parts[parts.length - 1], value);
    }

    public static JsonNode at(JsonNode root, String dottedPath) {
        JsonNode node = root;
        for (String part : dottedPath.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }
}
