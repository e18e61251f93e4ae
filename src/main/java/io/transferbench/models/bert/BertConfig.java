package io.transferbench.models.bert;

/** The sizes of a BERT encoder, as in a Hugging Face {@code config.json}. */
record BertConfig(int vocabSize, int maxPositions, int typeVocabSize, int hidden, int layers, int heads,
                  int intermediate, float dropout, float layerNormEps) {

    /** BERT's {@code layer_norm_eps}, which MiniLM and BGE keep. */
    static final float LAYER_NORM_EPS = 1e-12f;

    /** The same encoder with another dropout rate. */
    BertConfig withDropout(float rate) {
        return new BertConfig(vocabSize, maxPositions, typeVocabSize, hidden, layers, heads, intermediate, rate,
                layerNormEps);
    }

    int headDim() {
        return hidden / heads;
    }

    /**
     * Forward FLOPs per sequence of one encoder layer at {@code length} tokens (2 x multiply-adds):
     * four hidden x hidden projections, the two attention products and the feed-forward block.
     */
    long layerFlops(long length) {
        long projections = 4L * 2 * length * hidden * hidden;
        long attention = 2L * 2 * length * length * hidden;
        long feedForward = 2L * 2 * length * hidden * intermediate;
        return projections + attention + feedForward;
    }
}
