package io.transferbench.models.bert;

import com.fasterxml.jackson.databind.JsonNode;
import io.transferbench.BenchException;
import io.transferbench.IoReason;
import io.transferbench.Mappers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A Hugging Face {@code config.json} of a BERT encoder, as its exporters write it beside the ONNX
 * file: what the weights' shapes cannot tell (heads, activation, LayerNorm epsilon). Only what
 * this encoder computes is accepted: {@code model_type: bert}, exact GELU, absolute positions; a
 * RoBERTa (offset positions) or a GELU-tanh model is refused, naming the field.
 */
final class HfBertConfig {

    private HfBertConfig() {}

    static BertConfig read(Path file) {
        JsonNode c;
        try {
            c = Mappers.RECORDS.readTree(file.toFile());
        } catch (IOException e) {
            throw refused(file, "cannot read: " + IoReason.of(e));
        }
        if (c == null || !c.isObject()) {
            throw refused(file, "not a JSON object");
        }
        expect(file, c, "model_type", List.of("bert"), null);
        expect(file, c, "hidden_act", List.of("gelu"), "gelu");
        expect(file, c, "position_embedding_type", List.of("absolute"), "absolute");
        int hidden = positive(file, c, "hidden_size");
        int heads = positive(file, c, "num_attention_heads");
        if (hidden % heads != 0) {
            throw refused(file, "hidden_size " + hidden + " is not a multiple of num_attention_heads " + heads);
        }
        return new BertConfig(positive(file, c, "vocab_size"), positive(file, c, "max_position_embeddings"),
                c.path("type_vocab_size").asInt(2), hidden, positive(file, c, "num_hidden_layers"), heads,
                positive(file, c, "intermediate_size"), (float) c.path("hidden_dropout_prob").asDouble(0.1),
                (float) c.path("layer_norm_eps").asDouble(BertConfig.LAYER_NORM_EPS));
    }

    /** {@code config} as a Hugging Face {@code config.json} of a BERT encoder, which {@link #read} reads back. */
    static String json(BertConfig config) {
        var node = Mappers.RECORDS.createObjectNode()
                .put("model_type", "bert")
                .put("hidden_act", "gelu")
                .put("position_embedding_type", "absolute")
                .put("vocab_size", config.vocabSize())
                .put("max_position_embeddings", config.maxPositions())
                .put("type_vocab_size", config.typeVocabSize())
                .put("hidden_size", config.hidden())
                .put("num_hidden_layers", config.layers())
                .put("num_attention_heads", config.heads())
                .put("intermediate_size", config.intermediate())
                .put("hidden_dropout_prob", (double) config.dropout())
                .put("layer_norm_eps", (double) config.layerNormEps());
        try {
            return Mappers.RECORDS.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void expect(Path file, JsonNode c, String field, List<String> allowed, String absentMeans) {
        String value = c.path(field).isTextual() ? c.get(field).asText() : absentMeans;
        if (value == null || !allowed.contains(value)) {
            throw refused(file, field + " is " + (c.has(field) ? "'" + c.get(field).asText() + "'" : "missing")
                    + "; this encoder computes " + field + " " + allowed + " only (BERT as Hugging Face's BertModel)");
        }
    }

    private static int positive(Path file, JsonNode c, String field) {
        if (!c.path(field).canConvertToInt() || c.get(field).asInt() < 1) {
            throw refused(file, field + " must be a positive integer; it is " + (c.has(field) ? c.get(field) : "missing"));
        }
        return c.get(field).asInt();
    }

    private static BenchException refused(Path file, String why) {
        return new BenchException(BenchException.EXIT_BAD_INPUT, file + ": " + why);
    }
}
