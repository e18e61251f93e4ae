package io.transferbench.models.bert;

/**
 * A pretrained BERT encoder shipped as ONNX with its tokenizer in one locked asset.
 *
 * @param pooling how the checkpoint was trained to summarise a sequence
 */
record BertCheckpoint(String family, String description, String assetId, String onnxFile, String tokenizerFile,
                      BertConfig config, TokenPooling.Mode pooling) {

    /** BERT-base vocabulary and positions; hidden 384, 12 heads, feed-forward 1536, dropout 0.1. */
    private static BertConfig small(int layers) {
        return new BertConfig(30_522, 512, 2, 384, layers, 12, 1536, 0.1f);
    }

    static final BertCheckpoint MINILM_L6 = new BertCheckpoint("minilm-l6",
            "all-MiniLM-L6-v2 sentence encoder (BERT, 6 layers, hidden 384, 22.7M parameters); mean pooling",
            "minilm-l6-v2", "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json", small(6),
            TokenPooling.Mode.MEAN);

    static final BertCheckpoint BGE_SMALL = new BertCheckpoint("bge-small",
            "bge-small-en-v1.5 embedding model (BERT, 12 layers, hidden 384, 33.2M parameters); [CLS] pooling",
            "bge-small-en-v15", "bge-small-en-v1.5.onnx", "bge-small-en-v1.5-tokenizer.json", small(12),
            TokenPooling.Mode.CLS);
}
