package io.transferbench.models.mobilenet;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.transferbench.assets.AssetLock;
import io.transferbench.assets.AssetService;
import io.transferbench.models.Backbone;
import io.transferbench.spec.ModelSpec;
import io.transferbench.train.CellTrainer;
import io.transferbench.train.TransferNetwork;
import io.transferbench.weights.LayoutTransform;
import io.transferbench.weights.TensorBinding;
import io.transferbench.weights.TfjsModel;
import io.transferbench.weights.TfjsReader;
import io.transferbench.weights.WeightMapping;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The imported MobileNetV2, with NSFWJS's own 5-class classifier on top, reproduces what
 * TensorFlow.js computes for the same model on fixed inputs: every stage's output (mean and mean
 * absolute value), the 1280 pooled features and the class probabilities, within 1e-3. The
 * reference comes from {@code scripts/tfjs-reference/regenerate}.
 */
class MobileNetV2FidelityTest {

    private static final double TOLERANCE = 1e-3;
    private static final int SIZE = 224;

    @Test
    void importedNetworkMatchesTensorFlowJsOnFixedInputs() throws Exception {
        JsonNode reference = reference();
        assertEquals(SIZE, reference.get("imageSize").asInt());
        Path modelJs = AssetService.standard(AssetLock.DEFAULT_FILE, line -> { })
                .fetch(MobileNetV2Family.WEIGHTS_ASSET).resolve(MobileNetV2Family.MODEL_PATH);
        TfjsModel weights = TfjsReader.readBrowserified(modelJs);

        try (Model model = Model.newInstance("fidelity")) {
            Backbone backbone = new MobileNetV2Family().build(new ModelSpec(MobileNetV2Family.NAME, null, null),
                    new long[] {3, SIZE, SIZE});
            SequentialBlock classifier = new SequentialBlock()
                    .add(Linear.builder().setUnits(256).build()).add(Activation::relu)
                    .add(Linear.builder().setUnits(128).build()).add(Activation::relu)
                    .add(Linear.builder().setUnits(5).build());
            TransferNetwork net = new TransferNetwork(backbone, classifier);
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, CellTrainer.batchShape(new long[] {3, SIZE, SIZE}));

            WeightMapping.LoadReport report = KerasImport.load(backbone, weights, modelJs.toString());
            assertEquals(260, report.loaded().size());
            assertEquals(List.of("dense_1/bias", "dense_1/kernel", "dense_2/bias", "dense_2/kernel", "dense_3/bias",
                    "dense_3/kernel"), report.unusedSources().stream().sorted().toList());
            loadClassifier(classifier, weights);

            double worstFeature = 0;
            double worstProbability = 0;
            for (JsonNode expected : reference.get("inputs")) {
                String name = expected.get("name").asText();
                try (NDManager m = model.getNDManager().newSubManager()) {
                    float[] pixels = FidelityInputs.chw(name, SIZE);
                    long pixelSum = 0;
                    for (float v : pixels) {
                        pixelSum += (long) v;
                    }
                    assertEquals(expected.get("pixelSum").asLong(), pixelSum,
                            name + ": the Java formula draws a different image than reference.js");
                    NDList input = new NDList(m.create(pixels, new Shape(1, 3, SIZE, SIZE)));
                    ParameterStore store = new ParameterStore(m, false);
                    for (int depth = 1; depth <= MobileNetV2Family.STAGES; depth++) {
                        NDArray out = net.prefix(store, input, depth).head();
                        if (depth == MobileNetV2Family.STAGES) {
                            continue; // pooled: compared in full below
                        }
                        assertEquals(expected.get("stageMeans").get(depth - 1).asDouble(), out.mean().getFloat(),
                                TOLERANCE, name + ": mean of stage " + (depth - 1));
                        assertEquals(expected.get("stageAbsMeans").get(depth - 1).asDouble(),
                                out.abs().mean().getFloat(), TOLERANCE, name + ": mean |x| of stage " + (depth - 1));
                    }
                    float[] features = net.prefix(store, input, MobileNetV2Family.STAGES).head().toFloatArray();
                    worstFeature = Math.max(worstFeature, maxAbsDiff(expected.get("features"), features, name));
                    float[] probabilities = net.forward(store, input, false).head().softmax(-1).toFloatArray();
                    worstProbability = Math.max(worstProbability,
                            maxAbsDiff(expected.get("probabilities"), probabilities, name));
                }
            }
            System.out.printf("MobileNetV2 vs TF.js %s: max |diff| features %.2e, probabilities %.2e%n",
                    reference.get("tfjs").asText(), worstFeature, worstProbability);
            assertTrue(worstFeature <= TOLERANCE, "features differ by " + worstFeature);
            assertTrue(worstProbability <= TOLERANCE, "probabilities differ by " + worstProbability);
        }
    }

    private static void loadClassifier(SequentialBlock classifier, TfjsModel weights) {
        List<String> paths = classifier.getParameters().keys();
        List<TensorBinding> bindings = List.of(
                new TensorBinding("dense_1/kernel", paths.get(0), LayoutTransform.TRANSPOSE),
                new TensorBinding("dense_1/bias", paths.get(1), LayoutTransform.IDENTITY),
                new TensorBinding("dense_2/kernel", paths.get(2), LayoutTransform.TRANSPOSE),
                new TensorBinding("dense_2/bias", paths.get(3), LayoutTransform.IDENTITY),
                new TensorBinding("dense_3/kernel", paths.get(4), LayoutTransform.TRANSPOSE),
                new TensorBinding("dense_3/bias", paths.get(5), LayoutTransform.IDENTITY));
        new WeightMapping(bindings, true, false).loadInto(classifier, weights.tensorsByName());
    }

    private static double maxAbsDiff(JsonNode expected, float[] actual, String name) {
        assertEquals(expected.size(), actual.length, name);
        double worst = 0;
        for (int i = 0; i < actual.length; i++) {
            worst = Math.max(worst, Math.abs(expected.get(i).asDouble() - actual[i]));
        }
        return worst;
    }

    private static JsonNode reference() throws Exception {
        try (InputStream in = MobileNetV2FidelityTest.class.getResourceAsStream("nsfwjs-tfjs-reference.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** The inputs of reference.js, pixel for pixel (integers 0..255, so both sides agree exactly). */
    static final class FidelityInputs {

        private FidelityInputs() {
        }

        static float[] chw(String name, int size) {
            float[] chw = new float[3 * size * size];
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < size; y++) {
                    for (int x = 0; x < size; x++) {
                        chw[(c * size + y) * size + x] = pixel(name, y, x, c);
                    }
                }
            }
            return chw;
        }

        private static int pixel(String name, int y, int x, int c) {
            return switch (name) {
                case "gradient" -> (x + 2 * y + 60 * c) % 256;
                case "stripes" -> ((x / 8 + y / 12) % 2) * 180 + 30 * c + 10;
                case "noise" -> noise(x, y, c);
                case "blend" -> (3 * noise(x, y, c) + 7 * ((x * c + y) % 256)) / 10;
                default -> throw new IllegalArgumentException(name);
            };
        }

        private static int noise(int x, int y, int c) {
            return (x * 73856093 ^ y * 19349663 ^ (c + 1) * 83492791) & 255;
        }
    }
}
