package io.transferbench.tasks.detection;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transferbench.BenchException;
import io.transferbench.Mappers;
import io.transferbench.data.Targets;
import io.transferbench.models.Backbone;
import io.transferbench.models.StageOutput;
import io.transferbench.models.mobilenet.MobileNetV2Family;
import io.transferbench.spec.ModelSpec;
import io.transferbench.tasks.TaskHead;
import io.transferbench.train.TransferNetwork;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SSD head on MobileNetV2: which stages it taps, what it outputs, and what it refuses. */
class SsdHeadTest {

    private static final Targets BOXES = new Targets(List.of("background", "a", "b", "c"), new long[] {4, 5},
            new long[] {3, 128, 128});

    private static Backbone mobileNet(ObjectNode options) {
        return new MobileNetV2Family().build(new ModelSpec(MobileNetV2Family.NAME, options, null),
                new long[] {3, 128, 128});
    }

    @Test
    void itTapsTheLastStagesAtStrides16And32AndPredictsEveryDefaultBox() {
        Backbone backbone = mobileNet(Mappers.YAML.createObjectNode());
        ObjectNode options = Mappers.YAML.createObjectNode().put("extra-layers", 2);
        DetectionTask task = new DetectionTask();
        task.headRule().fillDefaults(options);
        TaskHead head = task.head(options, BOXES, backbone);
        List<StageOutput> outputs = backbone.outputs();
        assertEquals(2, head.taps().size());
        assertEquals(16, outputs.get(head.taps().get(0)).stride());
        assertEquals(32, outputs.get(head.taps().get(1)).stride());
        assertTrue(outputs.get(head.taps().get(0) + 1).stride() == 32, "the last stage at stride 16");
        assertEquals(head.taps().get(1), backbone.lastStage());
        assertTrue(head.flopsPerExample() > 0);
        try (NDManager manager = NDManager.newBaseManager()) {
            TransferNetwork net = new TransferNetwork(backbone, head);
            net.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 128, 128));
            NDList out = net.forward(new ParameterStore(manager, false),
                    new NDList(manager.randomUniform(0, 255, new Shape(2, 3, 128, 128))), false);
            assertEquals(new Shape(2, 318, 4), out.get(0).getShape(), "1 + 3 logits per default box");
            assertEquals(new Shape(2, 318, 4), out.get(1).getShape(), "4 box codes");
            float[] anchors = out.get(2).toFloatArray();
            assertArrayEquals(SsdLayout.of(128, new int[] {16, 32}, new long[] {96, 1280}, new long[] {512, 256},
                    0.2, 0.95, true).anchorCorners(), anchors, "default boxes in input pixels");
            assertEquals(new Shape(2, 318, 4), net.getOutputShapes(new Shape[] {new Shape(2, 3, 128, 128)})[0]);
        }
    }

    @Test
    void aPointwisePredictorCostsLessThanASeparableOne() {
        Backbone backbone = mobileNet(Mappers.YAML.createObjectNode());
        DetectionTask task = new DetectionTask();
        ObjectNode separable = Mappers.YAML.createObjectNode();
        task.headRule().fillDefaults(separable);
        ObjectNode pointwise = separable.deepCopy().put("predictor", "pointwise");
        assertTrue(task.head(pointwise, BOXES, backbone).flopsPerExample()
                < task.head(separable, BOXES, backbone).flopsPerExample());
    }

    @Test
    void aBackboneThatNeverReachesStride16OrScalesOutOfOrderAreRefused() {
        Backbone dilated = new Backbone(List.of(ai.djl.nn.Blocks.identityBlock()), List.of(new StageOutput(32, 8)),
                ai.djl.nn.Blocks.identityBlock(), new long[0]);
        DetectionTask task = new DetectionTask();
        ObjectNode options = Mappers.YAML.createObjectNode();
        task.headRule().fillDefaults(options);
        BenchException e = assertThrows(BenchException.class, () -> task.head(options, BOXES, dilated));
        assertTrue(e.getMessage().contains("stride 16 or more"), e.getMessage());
        ObjectNode inverted = options.deepCopy().put("min-scale", 0.9).put("max-scale", 0.5);
        e = assertThrows(BenchException.class, () -> task.head(inverted, BOXES, mobileNet(
                Mappers.YAML.createObjectNode())));
        assertTrue(e.getMessage().contains("head.min-scale"), e.getMessage());
    }
}
