package io.transferbench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transferbench.Mappers;

import java.util.List;
import java.util.Map;

/**
 * Versions of the shape and meaning of a cell's config. Every record and run directory says
 * which version wrote it; a version's upgrade says what an older config left implicit, so a
 * record from an older harness reads as the settings that harness really used.
 *
 * <p>Bump {@link #CURRENT} whenever a setting is added, or a default changes, and add the step
 * that turns the previous version's configs into the new one's: the values the old harness used
 * without writing them, never today's defaults (a later change of a default must not rewrite
 * history).
 */
public final class ConfigSchema {

    /**
     * 1: records without a version (harness up to 55ef050); some of them predate the feature
     *    cache, head-lr-scale and probe-epochs, and none writes model or dataset option defaults.
     * 2: every default written, model and dataset options included.
     * 3: weight decay exempts biases and normalisation scales unless
     *    {@code training.decay-biases-and-norms} says otherwise; earlier harnesses decayed every
     *    parameter.
     * 4: the task owns its head and loss options: {@code training.label-smoothing} moved to
     *    {@code head.label-smoothing}, and every head default is written. Every earlier config is
     *    of a classification task. MobileNetV2 gained {@code output-stride} (32 before).
     * 5: datasets may add further evaluation sets; {@code stamp-scenes} gained
     *    {@code seen-test-scenes} (0, none, before). The segmentation head gained {@code kind}
     *    ({@code lraspp} before).
     * 6: the BERT encoders gained {@code padding}: {@code longest} pads each batch to its longest
     *    text and forms training batches of similar lengths; every earlier config padded to
     *    {@code max-length} and shuffled alone.
     */
    public static final int CURRENT = 6;

    /** The version of records and run directories that carry none. */
    public static final int UNVERSIONED = 1;

    private ConfigSchema() {}

    /** A record's version: {@link #UNVERSIONED} when it says none. */
    public static int of(Integer recorded) {
        return recorded == null ? UNVERSIONED : recorded;
    }

    /** A config of version {@code version} as the current version writes the same settings. */
    public static ObjectNode upgrade(JsonNode config, int version) {
        if (version > CURRENT) {
            throw new IllegalArgumentException("config schema " + version + " is newer than this harness's (" + CURRENT
                    + "); use a newer harness to read it");
        }
        ObjectNode upgraded = config.deepCopy();
        if (version < 2) {
            toVersion2(upgraded);
        }
        if (version < 3) {
            putIfAbsent(object(upgraded, "training"), "decay-biases-and-norms", true);
        }
        if (version < 4) {
            toVersion4(upgraded);
        }
        if (version < 5) {
            toVersion5(upgraded);
        }
        if (version < 6) {
            toVersion6(upgraded);
        }
        return upgraded;
    }

    /**
     * Version 1 left out what it had no setting for: harnesses before the feature cache trained
     * linear probes for {@code epochs} epochs at the head's plain rate, with every frozen stage
     * run at every step; option defaults were never written.
     */
    private static void toVersion2(ObjectNode config) {
        ObjectNode training = object(config, "training");
        putIfAbsent(training, "head-lr-scale", 1.0);
        if (!training.has("probe-epochs") && training.has("epochs")) {
            training.set("probe-epochs", training.get("epochs"));
        }
        putIfAbsent(training, "feature-cache", false);
        JsonNode model = config.path("model");
        if (model.isObject()) {
            fillOptions((ObjectNode) model, V1_MODEL_OPTIONS);
            JsonNode pretrainData = model.path("pretrain").path("dataset");
            if (pretrainData.isObject()) {
                fillOptions((ObjectNode) pretrainData, V1_DATASET_OPTIONS);
            }
        }
        if (config.path("dataset").isObject()) {
            fillOptions((ObjectNode) config.get("dataset"), V1_DATASET_OPTIONS);
        }
    }

    /** Classification's head options as versions 1 to 3 applied them: no dropout, no hidden layer, no smoothing. */
    private static void toVersion4(ObjectNode config) {
        ObjectNode head = object(config, "head");
        JsonNode smoothing = object(config, "training").remove("label-smoothing");
        putIfAbsent(head, "label-smoothing", smoothing == null ? 0.0 : smoothing.asDouble());
        putIfAbsent(head, "dropout", 0.0);
        putIfAbsent(head, "hidden", 0);
        JsonNode model = config.path("model");
        if (model.isObject() && model.path("name").asText().equals("mobilenet-v2")) {
            putIfAbsent(object((ObjectNode) model, "options"), "output-stride", 32);
        }
    }

    private static void toVersion5(ObjectNode config) {
        if (config.path("dataset").path("name").asText().equals("stamp-scenes")) {
            putIfAbsent(object(object(config, "dataset"), "options"), "seen-test-scenes", 0);
        }
        if (config.path("task").asText().equals("semantic-segmentation")) {
            putIfAbsent(object(config, "head"), "kind", "lraspp");
        }
    }

    private static void toVersion6(ObjectNode config) {
        JsonNode model = config.path("model");
        if (model.isObject() && BERT_FAMILIES.contains(model.path("name").asText())) {
            putIfAbsent(object((ObjectNode) model, "options"), "padding", "max-length");
        }
    }

    private static final List<String> BERT_FAMILIES = List.of("minilm-l6", "bge-small");

    /** The option defaults of version 1, by model family: history, not a copy of today's defaults. */
    private static final Map<String, Map<String, Object>> V1_MODEL_OPTIONS = Map.of(
            "mlp", Map.of("hidden", 64, "stages", 3),
            "minilm-l6", Map.of("max-length", 128, "pooling", "mean", "dropout", 0.1),
            "bge-small", Map.of("max-length", 128, "pooling", "cls", "dropout", 0.1),
            "mobilenet-v2", Map.of("batchnorm-momentum", 0.9));

    private static final Map<String, Object> V1_IMAGE_OPTIONS = Map.of("image-size", 96, "augment", "none",
            "balance", "none");

    /** The option defaults of version 1, by dataset. */
    private static final Map<String, Map<String, Object>> V1_DATASET_OPTIONS = Map.of(
            "latent-classes", Map.of("examples", 2000, "features", 32, "latent", 8, "classes", 4, "noise", 0.1,
                    "world-seed", 1, "task-seed", 1),
            "spamassassin", Map.of("hard-ham", true, "max-chars", 2000),
            "brown-genres", Map.of("passage-words", 100),
            "fashion-mnist", V1_IMAGE_OPTIONS,
            "tuxpaint-stamps", V1_IMAGE_OPTIONS);

    private static void fillOptions(ObjectNode owner, Map<String, Map<String, Object>> defaultsByName) {
        Map<String, Object> defaults = defaultsByName.get(owner.path("name").asText());
        if (defaults == null) {
            return;
        }
        ObjectNode options = object(owner, "options");
        defaults.forEach((key, value) -> putIfAbsent(options, key, value));
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node instanceof ObjectNode o) {
            return o;
        }
        ObjectNode created = JsonNodeFactory.instance.objectNode();
        parent.set(field, created);
        return created;
    }

    private static void putIfAbsent(ObjectNode node, String field, Object value) {
        if (!node.has(field)) {
            node.set(field, Mappers.SUITE.valueToTree(value));
        }
    }

    /**
     * Settings that change what a cell costs but not what it computes: the feature cache gives
     * bit-identical results, and evaluation batches only group the same forward passes.
     */
    public static boolean costOnly(String setting) {
        return COST_ONLY.contains(setting);
    }

    private static final List<String> COST_ONLY = List.of("training.feature-cache", "training.eval-batch-size");
}
