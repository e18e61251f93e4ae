package io.transferbench;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;

import java.nio.file.Path;
import java.util.function.Function;

/** Source-framework outputs for fidelity tests: an exported ONNX file run by OnnxRuntime itself. */
public final class OnnxReference {

    private OnnxReference() {}

    /** The first output of {@code onnx} for the named inputs {@code inputs} creates in OnnxRuntime's manager. */
    public static float[] firstOutput(Path onnx, Function<NDManager, NDList> inputs) throws Exception {
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optModelPath(onnx)
                .optEngine("OnnxRuntime")
                .optTranslator(new NoopTranslator())
                .build();
        try (ZooModel<NDList, NDList> model = criteria.loadModel();
             Predictor<NDList, NDList> predictor = model.newPredictor();
             NDManager m = NDManager.newBaseManager("OnnxRuntime")) {
            return predictor.predict(inputs.apply(m)).get(0).toFloatArray();
        }
    }
}
