package io.transferbench.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads TF.js weights: a {@code model.json} (layers or graph model) or a bare weights manifest
 * with its binary shards, or NSFWJS's browserify-wrapped {@code model.min.js} with
 * {@code *.min.js} shards. Each manifest group's shards are concatenated in order and its
 * weights read sequentially; quantized weights are dequantized to float.
 */
public final class TfjsReader {

    private TfjsReader() {
    }

    /** Reads {@code model.json} or {@code *-weights_manifest.json} and the shards beside it. */
    public static TfjsModel read(Path json) {
        try {
            JsonNode root = new ObjectMapper().readTree(json.toFile());
            JsonNode manifest = root.isArray() ? root : root.path("weightsManifest");
            return decode(root.isArray() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                    : root.path("modelTopology"), manifest, path -> Files.readAllBytes(json.resolveSibling(path)),
                    json.toString());
        } catch (IOException e) {
            throw new WeightImportException(json + ": cannot read TF.js model: " + e.getMessage(), e);
        }
    }

    /** Reads a browserify-wrapped model; shard {@code P} is looked up as {@code P.min.js} beside it. */
    public static TfjsModel readBrowserified(Path modelJs) {
        try {
            String json = BrowserifyBundle.exportedJson(Files.readString(modelJs, StandardCharsets.UTF_8),
                    modelJs.toString());
            JsonNode root = new ObjectMapper().readTree(json);
            return decode(root.path("modelTopology"), root.path("weightsManifest"), path -> {
                Path shard = modelJs.resolveSibling(path + ".min.js");
                return BrowserifyBundle.exportedBytes(Files.readString(shard, StandardCharsets.US_ASCII),
                        shard.toString());
            }, modelJs.toString());
        } catch (IOException e) {
            throw new WeightImportException(modelJs + ": cannot read TF.js model: " + e.getMessage(), e);
        }
    }

    /** Loads the bytes of a shard named in the manifest. */
    @FunctionalInterface
    interface ShardSource {
        byte[] load(String path) throws IOException;
    }

    static TfjsModel decode(JsonNode topology, JsonNode manifest, ShardSource shards, String source)
            throws IOException {
        if (!manifest.isArray() || manifest.isEmpty()) {
            throw new WeightImportException(source + ": no 'weightsManifest' entries");
        }
        List<NamedTensor> tensors = new ArrayList<>();
        for (JsonNode group : manifest) {
            ByteBuffer bytes = concatenate(group.path("paths"), shards);
            for (JsonNode weight : group.path("weights")) {
                tensors.add(readWeight(weight, bytes, source));
            }
            if (bytes.hasRemaining()) {
                throw new WeightImportException(source + ": " + bytes.remaining() + " bytes left over in shards "
                        + group.path("paths") + " after the last weight; manifest and shards disagree");
            }
        }
        return new TfjsModel(topology, tensors);
    }

    private static ByteBuffer concatenate(JsonNode paths, ShardSource shards) throws IOException {
        List<byte[]> parts = new ArrayList<>();
        int total = 0;
        for (JsonNode p : paths) {
            byte[] part = shards.load(p.asText());
            parts.add(part);
            total += part.length;
        }
        if (parts.size() == 1) {
            return ByteBuffer.wrap(parts.get(0)).order(ByteOrder.LITTLE_ENDIAN);
        }
        ByteBuffer all = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        parts.forEach(all::put);
        return all.flip();
    }

    private static NamedTensor readWeight(JsonNode weight, ByteBuffer bytes, String source) {
        String name = weight.path("name").asText();
        long[] shape = new long[weight.path("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = weight.path("shape").get(i).asLong();
        }
        int count = Shapes.size(shape);
        String dtype = weight.path("dtype").asText();
        JsonNode quantization = weight.get("quantization");
        String storage = quantization == null ? dtype : quantization.path("dtype").asText();
        int width = switch (storage) {
            case "float32", "int32" -> 4;
            case "uint16", "float16" -> 2;
            case "uint8" -> 1;
            default -> throw new WeightImportException(source + ": weight '" + name + "' has unsupported dtype '"
                    + storage + "' (supported: float32, int32, uint8, uint16, float16)");
        };
        if (bytes.remaining() < (long) count * width) {
            throw new WeightImportException(source + ": shards end inside weight '" + name + "' (needs "
                    + (long) count * width + " bytes, " + bytes.remaining() + " left)");
        }
        // TF.js's decodeWeights computes q * scale + min in doubles and stores the float32 nearest to it
        double scale = quantization == null ? 1 : quantization.path("scale").asDouble(1);
        double min = quantization == null ? 0 : quantization.path("min").asDouble(0);
        float[] data = new float[count];
        for (int i = 0; i < count; i++) {
            data[i] = switch (storage) {
                case "float32" -> bytes.getFloat();
                case "int32" -> bytes.getInt();
                case "float16" -> Shapes.halfToFloat(bytes.getShort() & 0xffff);
                case "uint16" -> (float) ((bytes.getShort() & 0xffff) * scale + min);
                default -> (float) ((bytes.get() & 0xff) * scale + min);
            };
        }
        return new NamedTensor(name, shape, data);
    }
}
