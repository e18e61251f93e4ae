package io.transferbench.spec;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The model of a suite: a registered family, its options, and, for families that ship no
 * weights, the source task to pretrain it on before transfer.
 */
public record ModelSpec(String name, ObjectNode options, PretrainSpec pretrain) {

    public ModelSpec {
        options = options == null ? JsonNodeFactory.instance.objectNode() : options;
    }

    public int intOption(String key, int fallback) {
        return options.has(key) ? options.get(key).asInt() : fallback;
    }
}
