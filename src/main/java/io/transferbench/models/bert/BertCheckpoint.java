package io.transferbench.models.bert;

import io.transferbench.assets.AssetAccess;

import java.nio.file.Path;

/**
 * A pretrained BERT encoder as ONNX with its tokenizer: a locked asset, or the user's files.
 *
 * @param pooling how the checkpoint was trained to summarise a sequence
 */
record BertCheckpoint(String family, String description, AssetFile onnx, AssetFile tokenizer, BertConfig config,
                      TokenPooling.Mode pooling) {

    /** A file inside an asset; an empty {@code file} when the asset is the file itself (a user's file). */
    record AssetFile(String assetId, String file) {
        Path in(AssetAccess assets) {
            return assets.directory(assetId).resolve(file);
        }
    }

    /** BERT-base vocabulary and positions; hidden 384, 12 heads, feed-forward 1536, GELU, dropout 0.1. */
    private static BertConfig small(int layers) {
        return new BertConfig(30_522, 512, 2, 384, layers, 12, 1536, 0.1f, BertConfig.LAYER_NORM_EPS);
    }

    static final BertCheckpoint MINILM_L6 = new BertCheckpoint("minilm-l6",
            "all-MiniLM-L6-v2 sentence encoder (BERT, 6 layers, hidden 384, 22.7M parameters); mean pooling",
            new AssetFile("minilm-l6-v2", "all-minilm-l6-v2.onnx"),
            new AssetFile("minilm-l6-v2", "all-minilm-l6-v2-tokenizer.json"), small(6), TokenPooling.Mode.MEAN);

    static final BertCheckpoint BGE_SMALL = new BertCheckpoint("bge-small",
            "bge-small-en-v1.5 embedding model (BERT, 12 layers, hidden 384, 33.2M parameters); [CLS] pooling",
            new AssetFile("bge-small-en-v15", "bge-small-en-v1.5.onnx"),
            new AssetFile("bge-small-en-v15", "bge-small-en-v1.5-tokenizer.json"), small(12), TokenPooling.Mode.CLS);
}
