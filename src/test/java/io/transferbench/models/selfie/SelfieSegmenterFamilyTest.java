package io.transferbench.models.selfie;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.transferbench.BenchException;
import io.transferbench.LockedAssets;
import io.transferbench.models.Backbone;
import io.transferbench.models.StageOutput;
import io.transferbench.spec.ModelSpec;
import io.transferbench.tasks.TaskHead;
import io.transferbench.train.TransferNetwork;
import io.transferbench.weights.GraphNode;
import io.transferbench.weights.NamedTensor;
import io.transferbench.weights.TfjsGraph;
import io.transferbench.weights.TfjsGraphReader;
import io.transferbench.weights.WeightImportException;
import io.transferbench.weights.WeightMapping;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The selfie segmenter's stages chain with their skips carried, its importer fills every
 * parameter from the locked graph and refuses graphs that differ, and a dense head on its last
 * stage trains with the freeze depth reaching into the pretrained decoder.
 */
class SelfieSegmenterFamilyTest {

    private static final ModelSpec SPEC = new ModelSpec(SelfieSegmenterFamily.NAME, null, null);

    private static Backbone build(long size) {
        return new SelfieSegmenterFamily().build(SPEC, new long[] {3, size, size});
    }

    @Test
    void stagesDescribeTheirOutputsAndCarryTheDecoderSkips() {
        Backbone backbone = build(128);
        assertEquals(List.of(new StageOutput(16, 2, 0), new StageOutput(16, 4, 1), new StageOutput(24, 8, 2),
                new StageOutput(32, 16, 3), new StageOutput(128, 16, 3), new StageOutput(24, 8, 2),
                new StageOutput(16, 4, 1), new StageOutput(16, 2, 0)), backbone.outputs());
        Shape[] shapes = {new Shape(2, 3, 128, 128)};
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int i = 0; i < backbone.stages().size(); i++) {
                Block stage = backbone.stages().get(i);
                stage.initialize(manager, DataType.FLOAT32, shapes);
                shapes = stage.getOutputShapes(shapes);
                StageOutput out = backbone.outputs().get(i);
                assertEquals(1 + out.carried(), shapes.length, "stage " + i + " outputs its features and the skips");
                long side = 128 / out.stride();
                assertEquals(new Shape(2, out.channels(), side, side), shapes[0], "stage " + i);
            }
            assertEquals(1, shapes.length);
        }
    }

    @Test
    void countsFlopsPerStageFromTheConvolutions() {
        Backbone backbone = build(256);
        assertTrue(backbone.flopsKnown());
        // The stem: 16 filters of 3x3x3 over a 128x128 output, two FLOPs per multiply-add.
        assertEquals(2L * 16 * 27 * 128 * 128, backbone.stageFlops()[0]);
        for (long f : backbone.stageFlops()) {
            assertTrue(f > 0);
        }
        assertEquals(4 * backbone.flopsFrom(0), build(512).flopsFrom(0), 4 * 1e-3 * backbone.flopsFrom(0),
                "convolution FLOPs grow with the pixels (the pooled gates barely count)");
    }

    @Test
    void refusesImageSizesTheDecoderCannotAlign() {
        BenchException e = assertThrows(BenchException.class, () -> build(200));
        assertTrue(e.getMessage().contains("a multiple of 16"), e.getMessage());
        assertThrows(BenchException.class, () -> new SelfieSegmenterFamily().build(SPEC, new long[] {1, 256, 256}));
    }

    @Test
    void fillsEveryParameterFromTheLockedGraph() {
        TfjsGraph graph = lockedGraph();
        try (Model model = Model.newInstance("selfie")) {
            Backbone backbone = build(256);
            PersonMask mask = SelfieSegmenterFamily.personMask();
            initialize(model.getNDManager(), backbone, mask);
            WeightMapping.LoadReport report = SelfieSegmenterFamily.load(backbone, mask, graph, "selfie.json");
            assertEquals(54 * 2 + 2, report.loaded().size(), "54 convolutions with bias, and the mask's two");
            assertEquals(List.of(), report.unusedSources());
            long parameters = 0;
            for (Block stage : backbone.stages()) {
                parameters += stage.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
            }
            parameters += mask.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
            // The graph's float constants minus hard-swish's 11 pairs of scalars, which are not weights.
            assertEquals(106_423 - 22, parameters);
        }
    }

    @Test
    void refusesAGraphThatIsNotTheOneItRebuilds() {
        TfjsGraph graph = lockedGraph();
        WeightImportException extra = assertThrows(WeightImportException.class, () -> loadInto(new TfjsGraph(
                graph.nodes(), with(graph.weights(), new NamedTensor("head/kernel", new long[] {2}, new float[2])),
                with(graph.dtypes(), "head/kernel", "float32"))));
        assertTrue(extra.getMessage().contains("have no place") && extra.getMessage().contains("head/kernel"),
                extra.getMessage());

        WeightImportException relu6 = assertThrows(WeightImportException.class,
                () -> loadInto(replaced(graph, "re_lu_5", "Relu6")));
        assertTrue(relu6.getMessage().contains("Conv2D_8 is followed by LINEAR in the graph, by RELU"),
                relu6.getMessage());

        WeightImportException corners = assertThrows(WeightImportException.class,
                () -> loadInto(replaced(graph, "up_sampling2d_lambda/resize/ResizeBilinear", "ResizeNearestNeighbor")));
        assertTrue(corners.getMessage().contains("ResizeBilinear ops"), corners.getMessage());
    }

    /**
     * A dense head as the segmentation task's decoder head builds it (a 1x1 convolution on the last
     * stage, upsampled to the input) reads only the last stage's features, and with 5 stages frozen
     * the three pretrained decoder stages train while the encoder's weights get no gradient.
     */
    @Test
    void aHeadOnTheLastStageTrainsTheDecoderBehindAFrozenEncoder() {
        Backbone backbone = build(64);
        Conv2d classifier = Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(3).build();
        Block layers = new SequentialBlock().add(classifier)
                .add(x -> new NDList(x.head().getNDArrayInternal().interpolation(new long[] {64, 64}, 1, false)));
        TransferNetwork net = new TransferNetwork(backbone,
                new TaskHead(List.of(backbone.lastStage()), Blocks.identityBlock(), layers, 0));
        try (NDManager manager = NDManager.newBaseManager()) {
            net.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 64, 64));
            net.freezeStages(5);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray images = manager.randomUniform(0, 255, new Shape(2, 3, 64, 64));
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                NDArray logits = net.forward(store, new NDList(images), true).singletonOrThrow();
                assertEquals(new Shape(2, 3, 64, 64), logits.getShape());
                collector.backward(logits.square().mean());
            }
            for (int i = 0; i < backbone.stages().size(); i++) {
                for (Parameter p : backbone.stages().get(i).getParameters().values()) {
                    assertEquals(i >= 5, p.requiresGradient(), "stage " + i + " " + p.getName());
                    if (i >= 5) {
                        assertTrue(p.getArray().getGradient().abs().sum().getFloat() > 0,
                                "decoder stage " + i + " gets a gradient");
                    }
                }
            }
        }
    }

    private static void loadInto(TfjsGraph graph) {
        try (Model model = Model.newInstance("selfie")) {
            Backbone backbone = build(256);
            initialize(model.getNDManager(), backbone, null);
            SelfieSegmenterFamily.load(backbone, null, graph, "selfie.json");
        }
    }

    private static void initialize(NDManager manager, Backbone backbone, PersonMask mask) {
        Shape[] shapes = {new Shape(1, 3, 256, 256)};
        for (Block stage : backbone.stages()) {
            stage.initialize(manager, DataType.FLOAT32, shapes);
            shapes = stage.getOutputShapes(shapes);
        }
        if (mask != null) {
            mask.initialize(manager, DataType.FLOAT32, shapes);
        }
    }

    static TfjsGraph lockedGraph() {
        Path json = LockedAssets.service(SelfieSegmenterFamily.WEIGHTS_ASSET).fetch(SelfieSegmenterFamily.WEIGHTS_ASSET)
                .resolve(SelfieSegmenterFamily.MODEL_PATH);
        return TfjsGraphReader.read(json);
    }

    /** The graph with node {@code name}'s op changed. */
    private static TfjsGraph replaced(TfjsGraph graph, String name, String op) {
        List<GraphNode> nodes = new ArrayList<>();
        for (GraphNode n : graph.nodes()) {
            nodes.add(n.name().equals(name) ? new GraphNode(n.name(), op, n.inputs(), n.attributes()) : n);
        }
        return new TfjsGraph(nodes, graph.weights(), graph.dtypes());
    }

    private static Map<String, NamedTensor> with(Map<String, NamedTensor> weights, NamedTensor extra) {
        Map<String, NamedTensor> all = new LinkedHashMap<>(weights);
        all.put(extra.name(), extra);
        return all;
    }

    private static Map<String, String> with(Map<String, String> dtypes, String name, String dtype) {
        Map<String, String> all = new LinkedHashMap<>(dtypes);
        all.put(name, dtype);
        return all;
    }
}
