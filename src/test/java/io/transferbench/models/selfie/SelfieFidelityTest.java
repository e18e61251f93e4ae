package io.transferbench.models.selfie;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.transferbench.LockedAssets;
import io.transferbench.TfjsSamples;
import io.transferbench.models.Backbone;
import io.transferbench.spec.ModelSpec;
import io.transferbench.tasks.TaskHead;
import io.transferbench.train.CellTrainer;
import io.transferbench.train.TransferNetwork;
import io.transferbench.weights.NamedTensor;
import io.transferbench.weights.TfjsGraph;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rebuilt selfie segmenter, with the model's own {@link PersonMask} layer on its last stage,
 * computes what TensorFlow.js computes for the same graph on real photographs: the person mask
 * at every pixel within {@value #MASK_TOLERANCE}, and every stage's output at fixed positions;
 * on the astronaut photograph the mask covers her head and leaves the background out.
 * Both sides widen the same float16 weights to the same floats (their float64 sums agree
 * exactly). The reference comes from {@code scripts/tfjs-reference/regenerate}.
 */
class SelfieFidelityTest {

    private static final double MASK_TOLERANCE = 1e-4;
    /**
     * Stage features reach a few units; compared relative to each stage's mean |x|. The last stage
     * sums the most float32 terms, in an order libtorch picks by CPU and thread count: it differed by
     * 7e-5 on one 2-core AMD EPYC and 1.6e-4 in a CI run on another; a wrong weight, layout or
     * padding moves it by orders of magnitude more.
     */
    private static final double FEATURE_TOLERANCE = 5e-4;
    private static final int SIZE = SelfieSegmenterFamily.TRAINED_SIZE;
    private static final String IMAGES = "usr/lib/python3/dist-packages/skimage/data";

    @Test
    void rebuiltNetworkMatchesTensorFlowJsOnRealPhotographs() throws Exception {
        JsonNode reference = json("selfie-tfjs-reference.json");
        float[] masks = floats(reference.get("maskFile").asText());
        assertEquals(SIZE, reference.get("imageSize").asInt());
        TfjsGraph graph = SelfieSegmenterFamilyTest.lockedGraph();
        assertEquals(reference.get("weightSum").asDouble(), weightSum(graph), 0.0,
                "float16 weights decode to other floats than TF.js's");
        Path photos = LockedAssets.service("skimage-backgrounds").fetch("skimage-backgrounds").resolve(IMAGES);

        try (Model model = Model.newInstance("selfie-fidelity")) {
            Backbone backbone = new SelfieSegmenterFamily().build(new ModelSpec(SelfieSegmenterFamily.NAME, null,
                    null), new long[] {3, SIZE, SIZE});
            PersonMask mask = SelfieSegmenterFamily.personMask();
            TransferNetwork net = new TransferNetwork(backbone,
                    new TaskHead(List.of(backbone.lastStage()), Blocks.identityBlock(), mask, 0));
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, CellTrainer.batchShape(new long[] {3, SIZE, SIZE}));
            SelfieSegmenterFamily.load(backbone, mask, graph, "selfie.json");

            double worstMask = 0;
            double worstFeature = 0;
            int image = 0;
            for (JsonNode expected : reference.get("images")) {
                String name = expected.get("name").asText();
                try (NDManager m = model.getNDManager().newSubManager()) {
                    float[] pixels = window(ImageIO.read(photos.resolve(expected.get("file").asText()).toFile()),
                            expected.get("factor").asInt(), expected.get("top").asInt(), expected.get("left").asInt());
                    double pixelSum = 0;
                    for (float v : pixels) {
                        pixelSum += v;
                    }
                    assertEquals(expected.get("pixelSum").asDouble(), pixelSum, 0.0,
                            name + ": Java decodes or cuts another image than selfie-reference.js");
                    NDList input = new NDList(m.create(pixels, new Shape(1, 3, SIZE, SIZE)));
                    ParameterStore store = new ParameterStore(m, false);
                    for (int depth = 1; depth <= SelfieSegmenterFamily.STAGES; depth++) {
                        NDArray out = net.prefix(store, input, depth).head();
                        JsonNode stage = expected.get("stages").get(depth - 1);
                        double scale = Math.max(1, stage.get("absMean").asDouble());
                        double diff = TfjsSamples.maxDiff(stage, out) / scale;
                        System.out.printf("  %s stage %d (%s): mean %.5f vs %.5f, max |diff| at samples %.2e%n", name,
                                depth - 1, stage.get("node").asText(), out.mean().getFloat(),
                                stage.get("mean").asDouble(), diff);
                        worstFeature = Math.max(worstFeature, diff);
                    }
                    float[] actual = net.forward(store, input, false).head().toFloatArray();
                    assertEquals(SIZE * SIZE, actual.length);
                    double diff = 0;
                    int person = 0;
                    for (int i = 0; i < actual.length; i++) {
                        diff = Math.max(diff, Math.abs(actual[i] - masks[image * SIZE * SIZE + i]));
                        person += actual[i] > 0.5 ? 1 : 0;
                    }
                    double share = person / (double) actual.length;
                    System.out.printf("  %s: mask max |diff| %.2e, person share %.4f (TF.js %.4f)%n", name, diff, share,
                            expected.get("personFraction").asDouble());
                    assertEquals(expected.get("personFraction").asDouble(), share, 1e-3, name);
                    if (name.equals("astronaut")) {
                        // Eileen Collins's head (rows 32-63, columns 88-143 of the 256 view) is person,
                        // the flag and wall in the top corners are not: the weights and the x/255
                        // scaling do what the model was trained for.
                        assertTrue(boxMean(actual, 32, 64, 88, 144) > 0.95, "the astronaut's head");
                        assertTrue(boxMean(actual, 0, 48, 0, 48) < 0.01, "top-left background");
                        assertTrue(boxMean(actual, 0, 48, 208, 256) < 0.01, "top-right background");
                    }
                    worstMask = Math.max(worstMask, diff);
                }
                image++;
            }
            System.out.printf("Selfie segmenter vs TF.js %s: max |diff| mask %.2e, stage samples %.2e (relative)%n",
                    reference.get("tfjs").asText(), worstMask, worstFeature);
            assertTrue(worstMask <= MASK_TOLERANCE, "masks differ by " + worstMask);
            assertTrue(worstFeature <= FEATURE_TOLERANCE, "stage outputs differ by " + worstFeature);
        }
    }

    private static double boxMean(float[] mask, int top, int bottom, int left, int right) {
        double sum = 0;
        for (int y = top; y < bottom; y++) {
            for (int x = left; x < right; x++) {
                sum += mask[y * SIZE + x];
            }
        }
        return sum / ((bottom - top) * (right - left));
    }

    /**
     * The 256x256 RGB input of selfie-reference.js, CHW: a window of {@code factor * 256} pixels at
     * (top, left), each pixel the mean of a factor x factor block (exact in float).
     */
    private static float[] window(BufferedImage photo, int factor, int top, int left) {
        float[] chw = new float[3 * SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int[] sum = new int[3];
                for (int dy = 0; dy < factor; dy++) {
                    for (int dx = 0; dx < factor; dx++) {
                        int rgb = photo.getRGB(left + x * factor + dx, top + y * factor + dy);
                        sum[0] += (rgb >> 16) & 0xff;
                        sum[1] += (rgb >> 8) & 0xff;
                        sum[2] += rgb & 0xff;
                    }
                }
                for (int c = 0; c < 3; c++) {
                    chw[(c * SIZE + y) * SIZE + x] = sum[c] / (float) (factor * factor);
                }
            }
        }
        return chw;
    }

    /** The float32 weights summed in float64 in manifest order, as selfie-reference.js sums TF.js's. */
    private static double weightSum(TfjsGraph graph) {
        double sum = 0;
        for (NamedTensor t : graph.weights().values()) {
            if ("float32".equals(graph.dtypes().get(t.name()))) {
                for (float v : t.data()) {
                    sum += v;
                }
            }
        }
        return sum;
    }

    private static JsonNode json(String resource) throws Exception {
        try (InputStream in = SelfieFidelityTest.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static float[] floats(String resource) throws Exception {
        try (InputStream in = SelfieFidelityTest.class.getResourceAsStream(resource)) {
            ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] values = new float[bytes.remaining() / 4];
            bytes.asFloatBuffer().get(values);
            return values;
        }
    }
}
