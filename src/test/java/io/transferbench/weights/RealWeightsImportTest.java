package io.transferbench.weights;

import static io.transferbench.LockedAssets.fetched;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Imports the real locked weights, fetched through the asset service (a no-op when cached).
 * Reference values were computed outside Java: the NSFWJS sums with Node (dequantizing the
 * base64 shard with Math.fround(q*scale+min)), the MiniLM figures with a separate Python/numpy
 * protobuf walker.
 */
class RealWeightsImportTest {

    @Test
    void nsfwjsMobileNetV2HasTheReferenceTensorsAndSums() {
        Path dir = fetched("nsfwjs-mobilenet-v2").resolve("package/dist/models/mobilenet_v2");
        TfjsModel model = TfjsReader.readBrowserified(dir.resolve("model.min.js"));
        assertEquals(266, model.tensors().size());
        assertEquals(2_619_461, model.parameterCount());
        Map<String, NamedTensor> byName = model.tensorsByName();
        NamedTensor conv1 = byName.get("Conv1/kernel");
        assertArrayEquals(new long[] {3, 3, 3, 32}, conv1.shape());
        assertEquals(-5.333405417390168, conv1.sum(), 1e-4);
        assertEquals(-19.846926983445883, byName.get("block_1_depthwise/depthwise_kernel").sum(), 1e-4);
        assertEquals(91632.86766711168, model.tensors().stream().mapToDouble(NamedTensor::sum).sum(), 0.5);
        assertEquals("model_1", model.topology().path("model_config").path("config").path("name").asText());
    }

    @Test
    void miniLmOnnxHasTheReferenceInitializersAndNames() {
        OnnxModel model = OnnxReader.read(fetched("minilm-l6-v2").resolve("all-minilm-l6-v2.onnx"));
        assertEquals(101, model.tensors().size());
        assertEquals(1, model.longTensors().size());
        assertEquals(637, model.nodes().size());
        // 22.7M on the model card includes the pooler, which the ONNX export drops.
        assertEquals(22_565_376, model.parameterCount());
        NamedTensor words = model.tensorsByName().get("embeddings.word_embeddings.weight");
        assertArrayEquals(new long[] {30522, 384}, words.shape());
        assertEquals(138.05072214923618, words.sum(), 1e-3);
        assertEquals("/encoder/layer.0/attention/self/query/MatMul", model.consumerName("onnx::MatMul_787").orElseThrow());
        assertEquals(13.52819408863644, model.tensorsByName().get("onnx::MatMul_787").sum(), 1e-4);
        assertEquals(1716.5939215735639, model.tensors().stream().mapToDouble(NamedTensor::sum).sum(), 0.05);
    }
}
