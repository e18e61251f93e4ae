package io.transferbench.tasks.detection;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.transferbench.LockedAssets;
import io.transferbench.TfjsSamples;
import io.transferbench.assets.AssetService;
import io.transferbench.models.Backbone;
import io.transferbench.models.facessd.FaceSsdWeights;
import io.transferbench.models.facessd.SsdMobileNetV1Family;
import io.transferbench.spec.ModelSpec;
import io.transferbench.tasks.TaskHead;
import io.transferbench.train.CellTrainer;
import io.transferbench.train.TransferNetwork;
import io.transferbench.weights.NamedTensor;
import io.transferbench.weights.TfjsModel;
import io.transferbench.weights.TfjsReader;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * face-api's SSD-MobileNetV1, rebuilt here (the {@code ssd-mobilenet-v1-faces} backbone, and this
 * package's {@link SsdHead} with 1x1 predictors loaded from the same manifest), computes what
 * face-api computes with TensorFlow.js on a real photograph: the decoded box and the face score of
 * each of the 5,118 default boxes. That checks the weights' layout and quantisation, TF's "same"
 * padding, the input scaling, the order in which the head lays out its predictions, the box coder,
 * and {@link SsdAnchors} against the anchor table the detector ships. The reference comes from
 * {@code scripts/tfjs-reference/regenerate faces}.
 */
class FaceDetectorFidelityTest {

    private static final int SIZE = 512;
    /** Decoded corners, as fractions of the image. */
    private static final double BOX_TOLERANCE = 1e-4;
    private static final double SCORE_TOLERANCE = 1e-4;
    /** Relative to each map's mean |x|. */
    private static final double STAGE_TOLERANCE = 3e-4;
    private static final String IMAGES = "usr/lib/python3/dist-packages/skimage/data";
    private static final int[] TAP_STRIDES = {16, 32, 64, 128, 256, 512};
    private static final long[] TAP_CHANNELS = {512, 1024, 512, 256, 256, 128};

    @Test
    void rebuiltDetectorMatchesFaceApiOnARealPhotograph() throws Exception {
        JsonNode reference = json("faces-tfjs-reference.json");
        AssetService assets = LockedAssets.service(SsdMobileNetV1Family.WEIGHTS_ASSET, "skimage-backgrounds");
        Path manifest = assets.directory(SsdMobileNetV1Family.WEIGHTS_ASSET).resolve(SsdMobileNetV1Family.MANIFEST);
        TfjsModel weights = TfjsReader.read(manifest);
        assertEquals(reference.get("weightSum").asDouble(), floatWeightSum(weights, manifest), 0.0,
                "uint8 weights dequantise to other floats than TF.js's");

        SsdLayout layout = SsdLayout.of(SIZE, TAP_STRIDES, TAP_CHANNELS, new long[0], 0.2, 0.95, true);
        float[] anchors = layout.anchors().corners();
        float[] shipped = weights.tensorsByName().get("Output/extra_dim").data();
        assertEquals(shipped.length, anchors.length, "5,118 default boxes");
        for (int i = 0; i < anchors.length; i += 4) {
            // TF's {ymin, xmin, ymax, xmax} against {x0, y0, x1, y1}
            assertEquals(shipped[i + 1], anchors[i], 1e-6, "anchor " + i / 4);
            assertEquals(shipped[i], anchors[i + 1], 1e-6, "anchor " + i / 4);
            assertEquals(shipped[i + 3], anchors[i + 2], 1e-6, "anchor " + i / 4);
            assertEquals(shipped[i + 2], anchors[i + 3], 1e-6, "anchor " + i / 4);
        }

        float[] expected = floats(reference.get("outputFile").asText());
        int count = anchors.length / 4;
        try (Model model = Model.newInstance("faces-fidelity")) {
            SsdMobileNetV1Family family = new SsdMobileNetV1Family(FaceSsdWeights.DETECTOR);
            ModelSpec spec = new ModelSpec(family.name(), new ObjectMapper().createObjectNode(), null);
            Backbone backbone = family.build(spec, new long[] {3, SIZE, SIZE});
            SsdHead head = new SsdHead(layout, 2, SsdHead.Predictor.POINTWISE);
            TransferNetwork net = new TransferNetwork(backbone, new TaskHead(List.of(3, 4, 5, 6, 7, 8),
                    Blocks.identityBlock(), head, 0));
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, CellTrainer.batchShape(new long[] {3, SIZE, SIZE}));
            family.loadPretrained(backbone, spec, assets, model.getNDManager());
            assertEquals(List.of("box_predictor_0", "box_predictor_1", "box_predictor_2", "box_predictor_3",
                    "box_predictor_4", "box_predictor_5"), head.adopt(family.pretrainedHeadTensors(spec, assets)),
                    "the head keeps the detector's box predictors, as every detection cell from it does");
            loadClassPredictors(head, weights.tensorsByName());

            float[] pixels = chw(ImageIO.read(assets.directory("skimage-backgrounds").resolve(IMAGES)
                    .resolve(reference.get("image").asText()).toFile()));
            double pixelSum = 0;
            for (float v : pixels) {
                pixelSum += v;
            }
            assertEquals(reference.get("pixelSum").asDouble(), pixelSum, 0.0, "another image than TF.js's");
            try (NDManager m = model.getNDManager().newSubManager()) {
                NDList input = new NDList(m.create(pixels, new Shape(1, 3, SIZE, SIZE)));
                ParameterStore store = new ParameterStore(m, false);
                double worstStage = 0;
                JsonNode stages = reference.get("stages");
                for (int k = 0; k < stages.size(); k++) {
                    JsonNode stage = stages.get(k);
                    // conv11, the MobileNetV1 output, then the extra layers' maps: the ends of stages 3 to 8
                    int depth = 4 + k;
                    NDList prefix = net.prefix(store, input, depth);
                    ai.djl.ndarray.NDArray map = prefix.get(prefix.size() - 1);
                    double diff = TfjsSamples.maxDiff(stage, map) / Math.max(1, stage.get("absMean").asDouble());
                    System.out.printf("  %s: mean %.5f vs %.5f, max |diff| at samples %.2e (relative)%n",
                            stage.get("name").asText(), map.mean().getFloat(), stage.get("mean").asDouble(), diff);
                    worstStage = Math.max(worstStage, diff);
                }
                assertTrue(worstStage <= STAGE_TOLERANCE, "stage outputs differ by " + worstStage);
                NDList out = net.forward(store, input, false);
                float[] logits = out.get(0).toFloatArray();
                float[] boxes = BoxCoder.ssd().decode(out.get(2).toFloatArray(), out.get(1).toFloatArray());
                double worstBox = 0;
                double worstScore = 0;
                int best = 0;
                for (int a = 0; a < count; a++) {
                    // TF.js: {ymin, xmin, ymax, xmax} as fractions; here {x0, y0, x1, y1} in pixels
                    int[] order = {1, 0, 3, 2};
                    for (int j = 0; j < 4; j++) {
                        worstBox = Math.max(worstBox, Math.abs(boxes[4 * a + order[j]] / SIZE - expected[4 * a + j]));
                    }
                    double score = 1 / (1 + Math.exp(-logits[3 * a + 1]));
                    worstScore = Math.max(worstScore, Math.abs(score - expected[4 * count + a]));
                    best = expected[4 * count + a] > expected[4 * count + best] ? a : best;
                }
                System.out.printf("face-api SSD vs TF.js %s: max |diff| boxes %.2e, scores %.2e; best anchor %d "
                        + "score %.4f (TF.js %.4f)%n", reference.get("tfjs").asText(), worstBox, worstScore, best,
                        1 / (1 + Math.exp(-logits[3 * best + 1])), expected[4 * count + best]);
                assertTrue(worstBox <= BOX_TOLERANCE, "boxes differ by " + worstBox);
                assertTrue(worstScore <= SCORE_TOLERANCE, "scores differ by " + worstScore);
                JsonNode face = reference.get("detections").get(0);
                assertTrue(face.get("score").asDouble() > 0.9, "face-api finds Eileen Collins's face: " + face);
                assertTrue(expected[4 * count + best] > 0.9);
            }
        }
    }

    /**
     * face-api's class predictors, which a transfer cell replaces (other classes) but this test
     * needs: logits as they are (background, face, and a third column face-api ignores).
     */
    private static void loadClassPredictors(SsdHead head, Map<String, NamedTensor> tensors) {
        for (int k = 0; k < TAP_STRIDES.length; k++) {
            String prefix = "Prediction/BoxPredictor_" + k + "/ClassPredictor/";
            set(child(head, "class_" + k), tensors.get(prefix + "weights"), tensors.get(prefix + "biases"));
        }
    }

    private static Block child(SsdHead head, String name) {
        return head.getChildren().stream().filter(p -> p.getKey().endsWith(name)).findFirst().orElseThrow()
                .getValue();
    }

    /** A 1x1 TF kernel [1, 1, in, out] and its bias into a DJL convolution [out, in, 1, 1]. */
    private static void set(Block conv, NamedTensor kernel, NamedTensor bias) {
        int in = (int) kernel.shape()[2];
        int out = (int) kernel.shape()[3];
        float[] w = new float[out * in];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                w[o * in + i] = kernel.data()[i * out + o];
            }
        }
        conv.getParameters().get("weight").getArray().set(w);
        conv.getParameters().get("bias").getArray().set(bias.data());
    }

    /** The photograph as CHW RGB floats in 0..255, as the scene datasets give images. */
    private static float[] chw(BufferedImage photo) {
        assertEquals(SIZE, photo.getWidth());
        assertEquals(SIZE, photo.getHeight());
        float[] out = new float[3 * SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int rgb = photo.getRGB(x, y);
                out[y * SIZE + x] = (rgb >> 16) & 0xff;
                out[(SIZE + y) * SIZE + x] = (rgb >> 8) & 0xff;
                out[(2 * SIZE + y) * SIZE + x] = rgb & 0xff;
            }
        }
        return out;
    }

    /** The float32 tensors of the manifest summed in float64 in manifest order, as the reference script sums them. */
    private static double floatWeightSum(TfjsModel model, Path manifest) throws Exception {
        Map<String, NamedTensor> byName = model.tensorsByName();
        double sum = 0;
        for (JsonNode group : new ObjectMapper().readTree(manifest.toFile())) {
            for (JsonNode w : group.get("weights")) {
                if ("float32".equals(w.get("dtype").asText())) {
                    for (float v : byName.get(w.get("name").asText()).data()) {
                        sum += v;
                    }
                }
            }
        }
        return sum;
    }

    private static JsonNode json(String resource) throws Exception {
        try (InputStream in = FaceDetectorFidelityTest.class.getResourceAsStream("/io/transferbench/models/faces/"
                + resource)) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static float[] floats(String resource) throws Exception {
        try (InputStream in = FaceDetectorFidelityTest.class.getResourceAsStream("/io/transferbench/models/faces/"
                + resource)) {
            ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] out = new float[bytes.remaining() / 4];
            bytes.asFloatBuffer().get(out);
            return out;
        }
    }
}
