package io.transferbench.models.mobilenet;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.transferbench.BenchException;
import io.transferbench.models.Backbone;
import io.transferbench.spec.ModelSpec;
import io.transferbench.train.CellTrainer;
import io.transferbench.train.TransferNetwork;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backbone's shape: stages by resolution, parameter count and analytic FLOPs. */
class MobileNetV2FamilyTest {

    private static final ModelSpec SPEC = new ModelSpec(MobileNetV2Family.NAME, null, null);

    @Test
    void stagesHalveTheResolutionAsKerasDoesAndEndIn1280Features() {
        Backbone backbone = new MobileNetV2Family().build(SPEC, new long[] {3, 96, 96});
        assertEquals(MobileNetV2Family.STAGES, backbone.stages().size());
        Shape shape = new Shape(2, 3, 96, 96);
        long[][] expected = {{32, 48}, {16, 48}, {24, 24}, {32, 12}, {96, 6}, {320, 3}, {1280, 3}};
        try (Model model = Model.newInstance("shape")) {
            TransferNetwork net = new TransferNetwork(backbone, ai.djl.nn.Blocks.identityBlock());
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, CellTrainer.batchShape(new long[] {3, 96, 96}));
            for (int i = 0; i < expected.length; i++) {
                Block stage = backbone.stages().get(i);
                shape = stage.getOutputShapes(new Shape[] {shape})[0];
                assertEquals(new Shape(2, expected[i][0], expected[i][1], expected[i][1]), shape, "stage " + i);
            }
            assertEquals(new Shape(2, 1280), backbone.pooling().getOutputShapes(new Shape[] {shape})[0]);
            // Keras reports 2,257,984 parameters for MobileNetV2 1.0 without its top, of which
            // 34,112 are BatchNorm moving statistics.
            assertEquals(2_257_984 - 34_112, net.parameterCount());
        }
    }

    @Test
    void outputStride16DilatesTheLastStagesAndKeepsEveryWeightShape() {
        com.fasterxml.jackson.databind.node.ObjectNode options = io.transferbench.Mappers.YAML.createObjectNode();
        options.put("output-stride", 16);
        Backbone dilated = new MobileNetV2Family().build(new ModelSpec(MobileNetV2Family.NAME, options, null),
                new long[] {3, 96, 96});
        Backbone plain = new MobileNetV2Family().build(SPEC, new long[] {3, 96, 96});
        assertEquals(java.util.List.of(2, 2, 4, 8, 16, 16, 16),
                dilated.outputs().stream().map(io.transferbench.models.StageOutput::stride).toList());
        assertEquals(java.util.List.of(2, 2, 4, 8, 16, 32, 32),
                plain.outputs().stream().map(io.transferbench.models.StageOutput::stride).toList());
        Shape shape = new Shape(2, 3, 96, 96);
        try (Model model = Model.newInstance("dilated")) {
            TransferNetwork net = new TransferNetwork(dilated, ai.djl.nn.Blocks.identityBlock());
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, CellTrainer.batchShape(new long[] {3, 96, 96}));
            for (int i = 0; i < dilated.stages().size(); i++) {
                shape = dilated.stages().get(i).getOutputShapes(new Shape[] {shape})[0];
                long side = 96 / dilated.outputs().get(i).stride();
                assertEquals(new Shape(2, dilated.outputs().get(i).channels(), side, side), shape, "stage " + i);
            }
            assertEquals(2_257_984 - 34_112, net.parameterCount(), "the same weights fit");
            NDList out = net.forward(new ai.djl.training.ParameterStore(model.getNDManager(), false),
                    new NDList(model.getNDManager().ones(new Shape(1, 3, 96, 96))), false);
            assertEquals(new Shape(1, 1280), out.head().getShape(), "the forward pass runs at 6 x 6");
        }
    }

    @Test
    void forwardFlopsAt224MatchThePublishedMultiplyAddCount() {
        Backbone backbone = new MobileNetV2Family().build(SPEC, new long[] {3, 224, 224});
        long flops = backbone.flopsFrom(0);
        // Sandler et al. give 300M multiply-adds at 224 px, including the 1.28M of the ImageNet
        // classifier, which the backbone leaves out.
        assertEquals(300e6 - 1.28e6, flops / 2.0, 3e6, Arrays.toString(backbone.stageFlops()));
        assertTrue(Arrays.stream(backbone.stageFlops()).allMatch(f -> f > 0));
        long at96 = new MobileNetV2Family().build(SPEC, new long[] {3, 96, 96}).flopsFrom(0);
        assertEquals((96.0 * 96) / (224 * 224), at96 / (double) flops, 0.01, "FLOPs scale with the pixel count");
    }

    @Test
    void refusesInputsThatAreNotSquareRgbImages() {
        BenchException e = assertThrows(BenchException.class,
                () -> new MobileNetV2Family().build(SPEC, new long[] {1, 28, 28}));
        assertTrue(e.getMessage().contains("[3, S, S]"), e.getMessage());
    }
}
