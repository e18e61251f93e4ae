package io.transferbench.models.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * BERT's first stage: token, position and token-type embeddings summed, LayerNorm, dropout. It
 * takes token ids {@code [batch, length]} padded with id 0 and passes on the hidden states and the
 * attention mask, which is 1 where the id is not padding (what the tokenizer's mask says for BERT
 * vocabularies, where [PAD] is id 0 and never a real token). Single-sentence inputs have token
 * type 0 throughout.
 */
final class BertEmbeddings extends BertPart {

    private final BertConfig config;
    private final Parameter words;
    private final Parameter positions;
    private final Parameter types;
    private final Norm norm;

    BertEmbeddings(BertConfig config) {
        this.config = config;
        this.words = table("word_embeddings.weight", config.vocabSize(), config.hidden());
        this.positions = table("position_embeddings.weight", config.maxPositions(), config.hidden());
        this.types = table("token_type_embeddings.weight", config.typeVocabSize(), config.hidden());
        this.norm = norm("LayerNorm", config);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray ids = inputs.singletonOrThrow();
        long length = ids.getShape().get(1);
        NDArray w = store.getValue(words, ids.getDevice(), training);
        NDArray p = store.getValue(positions, ids.getDevice(), training);
        NDArray t = store.getValue(types, ids.getDevice(), training);
        NDArray x = Embedding.embedding(ids, w, SparseFormat.DENSE).singletonOrThrow()
                .add(p.get(new NDIndex(":{}", length)))
                .add(t.get(0));
        x = norm.apply(store, x, training);
        x = Dropout.dropout(x, config.dropout(), training).singletonOrThrow();
        NDArray mask = ids.neq(0).toType(DataType.FLOAT32, false);
        return new NDList(x, mask);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        return new Shape[] {ids.addAll(new Shape(config.hidden())), ids};
    }
}
