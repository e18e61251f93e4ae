package io.transferbench.suite;

import io.transferbench.spec.LocatedTree;
import io.transferbench.spec.SourceLocation;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.transferbench.BenchException;
import io.transferbench.IoReason;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads YAML into a {@link LocatedTree}. Jackson's tree model drops token locations, so the tree
 * is built here from the token stream, remembering where each field and list element started.
 */
public final class YamlReader {

    private static final YAMLFactory FACTORY = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private YamlReader() {}

    public static LocatedTree read(String sourceName, String text) {
        return read(sourceName, new StringReader(text));
    }

    public static LocatedTree read(String sourceName, Reader reader) {
        Map<String, SourceLocation> locations = new HashMap<>();
        try (JsonParser p = FACTORY.createParser(reader)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new BenchException(BenchException.EXIT_BAD_INPUT, sourceName + ": the file is empty");
            }
            locations.put("", location(sourceName, p.currentTokenLocation()));
            JsonNode root = readValue(p, "", sourceName, locations);
            if (!root.isObject()) {
                throw new BenchException(
                        BenchException.EXIT_BAD_INPUT,
                        sourceName + ":1:1: a suite must be a mapping of fields (suite, task, model, ...), got a "
                                + root.getNodeType().name().toLowerCase());
            }
            return new LocatedTree((ObjectNode) root, locations, new SourceLocation(sourceName, 0, 0));
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String where = l == null ? sourceName : location(sourceName, l).toString();
            throw new BenchException(
                    BenchException.EXIT_BAD_INPUT, where + ": not valid YAML: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, sourceName + ": cannot read: " + IoReason.of(e), e);
        }
    }

    private static JsonNode readValue(
            JsonParser p, String path, String source, Map<String, SourceLocation> locations) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                ObjectNode obj = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String childPath = LocatedTree.child(path, name);
                    SourceLocation loc = location(source, p.currentTokenLocation());
                    if (obj.has(name)) {
                        throw new BenchException(
                                BenchException.EXIT_BAD_INPUT, loc + ": " + childPath + ": field appears twice");
                    }
                    locations.put(childPath, loc);
                    p.nextToken();
                    obj.set(name, readValue(p, childPath, source, locations));
                }
                return obj;
            }
            case START_ARRAY: {
                ArrayNode arr = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String childPath = LocatedTree.index(path, i++);
                    locations.put(childPath, location(source, p.currentTokenLocation()));
                    arr.add(readValue(p, childPath, source, locations));
                }
                return arr;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                return NODES.numberNode(p.getLongValue());
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new BenchException(
                        BenchException.EXIT_BAD_INPUT,
                        location(source, p.currentTokenLocation()) + ": unsupported YAML content " + t);
        }
    }

    private static SourceLocation location(String source, JsonLocation l) {
        return new SourceLocation(source, l.getLineNr(), l.getColumnNr());
    }
}
