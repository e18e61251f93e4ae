package io.transferbench.models.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;

/**
 * What the parts of a BERT encoder share: parameters named as in the Hugging Face checkpoint (so
 * the weight map reads like the checkpoint) and BERT's initialisation for training from scratch
 * (normal with std 0.02, LayerNorm at one and zero).
 */
abstract class BertPart extends AbstractBlock {

    private static final float INIT_STD = 0.02f;

    /** One affine map: weight {@code [out, in]} and bias {@code [out]}. */
    record Dense(Parameter weight, Parameter bias) {
        NDArray apply(ParameterStore store, NDArray x, boolean training) {
            NDArray w = store.getValue(weight, x.getDevice(), training);
            NDArray b = store.getValue(bias, x.getDevice(), training);
            return Linear.linear(x, w, b).singletonOrThrow();
        }
    }

    /** LayerNorm over the hidden axis: gain and bias of size {@code [hidden]}, the checkpoint's epsilon. */
    record Norm(Parameter gamma, Parameter beta, long hidden, float eps) {
        NDArray apply(ParameterStore store, NDArray x, boolean training) {
            NDArray g = store.getValue(gamma, x.getDevice(), training);
            NDArray b = store.getValue(beta, x.getDevice(), training);
            return LayerNorm.layerNorm(x, new Shape(hidden), g, b, eps).singletonOrThrow();
        }
    }

    BertPart() {
        super((byte) 1);
    }

    final Parameter table(String name, long rows, long columns) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(rows, columns)).optInitializer(new NormalInitializer(INIT_STD)).build());
    }

    final Dense dense(String name, long in, long out) {
        Parameter w = addParameter(Parameter.builder().setName(name + ".weight").setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(out, in)).optInitializer(new NormalInitializer(INIT_STD)).build());
        Parameter b = addParameter(Parameter.builder().setName(name + ".bias").setType(Parameter.Type.BIAS)
                .optShape(new Shape(out)).build());
        return new Dense(w, b);
    }

    final Norm norm(String name, BertConfig config) {
        long hidden = config.hidden();
        Parameter g = addParameter(Parameter.builder().setName(name + ".weight").setType(Parameter.Type.GAMMA)
                .optShape(new Shape(hidden)).build());
        Parameter b = addParameter(Parameter.builder().setName(name + ".bias").setType(Parameter.Type.BETA)
                .optShape(new Shape(hidden)).build());
        return new Norm(g, b, hidden, config.layerNormEps());
    }
}
