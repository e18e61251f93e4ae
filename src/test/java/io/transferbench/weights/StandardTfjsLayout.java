package io.transferbench.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A browserify-wrapped TF.js model (NSFWJS's) rewritten in the standard layout that
 * {@code tensorflowjs_converter} writes: {@code model.json} and its binary shards, byte for byte
 * the bundle's contents, so the standard reader can be tested on real weights.
 */
public final class StandardTfjsLayout {

    private StandardTfjsLayout() {}

    /** Writes {@code dir/model.json} and its shards from the bundle at {@code modelJs}; returns model.json. */
    public static Path fromBrowserified(Path modelJs, Path dir) {
        try {
            String json = BrowserifyBundle.exportedJson(Files.readString(modelJs, StandardCharsets.UTF_8),
                    modelJs.toString());
            Files.createDirectories(dir);
            Path modelJson = Files.writeString(dir.resolve("model.json"), json);
            JsonNode root = new ObjectMapper().readTree(json);
            for (JsonNode group : root.path("weightsManifest")) {
                for (JsonNode path : group.path("paths")) {
                    Path shard = modelJs.resolveSibling(path.asText() + ".min.js");
                    Files.write(dir.resolve(path.asText()), BrowserifyBundle.exportedBytes(
                            Files.readString(shard, StandardCharsets.US_ASCII), shard.toString()));
                }
            }
            return modelJson;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
