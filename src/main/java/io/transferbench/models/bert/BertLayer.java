package io.transferbench.models.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.transferbench.models.Intermediates;

/**
 * One BERT encoder layer as Hugging Face's {@code BertLayer} computes it: multi-head self-attention
 * with the padding mask, then a GELU (erf) feed-forward block, each followed by dropout, a residual
 * connection and LayerNorm (post-LN). Hidden states and mask pass through; the mask is unchanged.
 */
final class BertLayer extends BertPart {

    /** Added to attention scores of padding keys; large enough that softmax gives them zero weight. */
    private static final float MASKED = 1e9f;

    private final BertConfig config;
    private final Dense query;
    private final Dense key;
    private final Dense value;
    private final Dense attentionOutput;
    private final Norm attentionNorm;
    private final Dense intermediate;
    private final Dense output;
    private final Norm outputNorm;

    BertLayer(BertConfig config) {
        this.config = config;
        long h = config.hidden();
        this.query = dense("attention.self.query", h, h);
        this.key = dense("attention.self.key", h, h);
        this.value = dense("attention.self.value", h, h);
        this.attentionOutput = dense("attention.output.dense", h, h);
        this.attentionNorm = norm("attention.output.LayerNorm", config);
        this.intermediate = dense("intermediate.dense", h, config.intermediate());
        this.output = dense("output.dense", config.intermediate(), h);
        this.outputNorm = norm("output.LayerNorm", config);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        return Intermediates.within(inputs, views -> layer(store, views, training));
    }

    private NDList layer(ParameterStore store, NDList inputs, boolean training) {
        NDArray x = inputs.get(0);
        NDArray mask = inputs.get(1);
        NDArray attended = attentionOutput.apply(store, attention(store, x, mask, training), training);
        NDArray h = attentionNorm.apply(store, dropout(attended, training).add(x), training);
        NDArray ffn = output.apply(store, Activation.gelu(intermediate.apply(store, h, training)), training);
        NDArray out = outputNorm.apply(store, dropout(ffn, training).add(h), training);
        return new NDList(out, mask);
    }

    private NDArray attention(ParameterStore store, NDArray x, NDArray mask, boolean training) {
        long batch = x.getShape().get(0);
        long length = x.getShape().get(1);
        NDArray q = heads(query.apply(store, x, training), batch, length);
        NDArray k = heads(key.apply(store, x, training), batch, length);
        NDArray v = heads(value.apply(store, x, training), batch, length);
        NDArray bias = mask.sub(1).mul(MASKED).reshape(batch, 1, 1, length);
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).div(Math.sqrt(config.headDim())).add(bias);
        NDArray probs = dropout(scores.softmax(-1), training);
        return probs.matMul(v).transpose(0, 2, 1, 3).reshape(batch, length, config.hidden());
    }

    /** {@code [batch, length, hidden]} to {@code [batch, heads, length, headDim]}. */
    private NDArray heads(NDArray x, long batch, long length) {
        return x.reshape(batch, length, config.heads(), config.headDim()).transpose(0, 2, 1, 3);
    }

    private NDArray dropout(NDArray x, boolean training) {
        return Dropout.dropout(x, config.dropout(), training).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
