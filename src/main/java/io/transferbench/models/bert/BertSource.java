package io.transferbench.models.bert;

import io.transferbench.spec.ModelSpec;
import io.transferbench.spec.Rule;

import java.util.List;

/** Where a BERT family's checkpoint comes from: a locked asset, or the user's files named by the options. */
interface BertSource {

    String name();

    String description();

    /** Adds the options that say where the files are; none for a locked checkpoint. */
    void addOptions(Rule.ObjectRule.Builder options);

    /** The longest {@code max-length} the options rule can accept before the checkpoint is read. */
    int maxLengthBound();

    TokenPooling.Mode defaultPooling();

    /** The checkpoint a suite's model names (reading the user's {@code config.json}). */
    BertCheckpoint checkpoint(ModelSpec spec);

    /** The assets holding the checkpoint's files. */
    List<String> assetIds(ModelSpec spec);

    /** The encoder layers, for freeze depths; a suite whose files cannot be read yet may get any bound. */
    int layers(ModelSpec spec);

    /** What is wrong with the user's files; nothing for a locked checkpoint. */
    List<String> checkFiles(ModelSpec spec);

    boolean local();

    /** A checkpoint shipped as a locked asset. */
    record Locked(BertCheckpoint checkpoint) implements BertSource {

        @Override
        public String name() {
            return checkpoint.family();
        }

        @Override
        public String description() {
            return checkpoint.description();
        }

        @Override
        public void addOptions(Rule.ObjectRule.Builder options) {
        }

        @Override
        public int maxLengthBound() {
            return checkpoint.config().maxPositions();
        }

        @Override
        public TokenPooling.Mode defaultPooling() {
            return checkpoint.pooling();
        }

        @Override
        public BertCheckpoint checkpoint(ModelSpec spec) {
            return checkpoint;
        }

        @Override
        public List<String> assetIds(ModelSpec spec) {
            return java.util.stream.Stream.of(checkpoint.onnx().assetId(), checkpoint.tokenizer().assetId())
                    .distinct().toList();
        }

        @Override
        public int layers(ModelSpec spec) {
            return checkpoint.config().layers();
        }

        @Override
        public List<String> checkFiles(ModelSpec spec) {
            return List.of();
        }

        @Override
        public boolean local() {
            return false;
        }
    }
}
