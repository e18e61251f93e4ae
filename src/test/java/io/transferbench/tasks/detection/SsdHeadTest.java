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
import io.transferbench.models.facessd.FaceSsdWeights;
import io.transferbench.models.facessd.SsdMobileNetV1Family;
import io.transferbench.models.mobilenet.MobileNetV2Family;
import io.transferbench.spec.ModelSpec;
import io.transferbench.tasks.TaskHead;
import io.transferbench.train.TransferNetwork;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    @Test
    void autoExtraLayersContinueToTheOneCellMapAndADetectorBackboneNeedsNone() {
        DetectionTask task = new DetectionTask();
        ObjectNode auto = Mappers.YAML.createObjectNode();
        task.headRule().fillDefaults(auto);
        assertEquals("auto", auto.get("extra-layers").asText());
        assertEquals(318, anchors(task.head(auto, BOXES, mobileNet(Mappers.YAML.createObjectNode()))),
                "maps 8 and 4 (taps), then 2 and 1: the two extra layers of the explicit suite setting");
        assertEquals(4, DetectionTask.layersToOneCell(20), "torchvision's SSDLite at 320 px: 20 -> 10, 5, 3, 2");
        assertEquals(0, DetectionTask.layersToOneCell(1));
        assertEquals(4, DetectionTask.layersToOneCell(64), "never more than SSDLite's four");

        Backbone faces = new SsdMobileNetV1Family(FaceSsdWeights.DETECTOR).build(new ModelSpec(
                FaceSsdWeights.DETECTOR.modelName(), Mappers.YAML.createObjectNode(), null), new long[] {3, 128, 128});
        TaskHead head = task.head(auto, BOXES, faces);
        assertEquals(List.of(3, 4, 5, 6, 7, 8), head.taps(), "the detector's own six maps, strides 16 to 512");
        // maps 8, 4, 2, 1, 1, 1 (a stride-2 layer keeps a 1x1 map): 3 boxes per cell on the first, 6 after
        assertEquals(8 * 8 * 3 + (16 + 4 + 1 + 1 + 1) * 6, anchors(head));
    }

    private static int anchors(TaskHead head) {
        return ((SsdHead) head.layers()).anchorCount();
    }

    @Test
    void aPointwiseHeadKeepsTheFaceDetectorsBoxPredictorsAndASeparableOneCannot() {
        FaceSsdWeights weights = FaceSsdWeights.DETECTOR;
        SsdMobileNetV1Family family = new SsdMobileNetV1Family(weights);
        ModelSpec spec = new ModelSpec(weights.modelName(), Mappers.YAML.createObjectNode(), null);
        var tensors = family.pretrainedHeadTensors(spec, io.transferbench.LockedAssets.service(
                SsdMobileNetV1Family.WEIGHTS_ASSET));
        assertEquals(12, tensors.size(), "weight and bias of six box predictors");
        Backbone faces = family.build(spec, new long[] {3, 128, 128});
        DetectionTask task = new DetectionTask();
        ObjectNode pointwise = Mappers.YAML.createObjectNode().put("predictor", "pointwise");
        task.headRule().fillDefaults(pointwise);
        ObjectNode separable = Mappers.YAML.createObjectNode();
        task.headRule().fillDefaults(separable);
        try (NDManager manager = NDManager.newBaseManager()) {
            SsdHead kept = (SsdHead) task.head(pointwise, BOXES, faces).layers();
            kept.initialize(manager, DataType.FLOAT32, new Shape(1, 512, 8, 8), new Shape(1, 1024, 4, 4),
                    new Shape(1, 512, 2, 2), new Shape(1, 256, 1, 1), new Shape(1, 256, 1, 1), new Shape(1, 128, 1, 1));
            assertEquals(6, kept.adopt(tensors).size(), "3 boxes per cell on the first map, 6 on the others, at any size");
            assertArrayEquals(tensors.get("box_predictor_1/bias").data(), kept.getChildren().stream()
                    .filter(c -> c.getKey().endsWith("box_1")).findFirst().orElseThrow().getValue().getParameters()
                    .get("bias").getArray().toFloatArray());
            SsdHead fresh = (SsdHead) task.head(separable, BOXES, faces).layers();
            fresh.initialize(manager, DataType.FLOAT32, new Shape(1, 512, 8, 8), new Shape(1, 1024, 4, 4),
                    new Shape(1, 512, 2, 2), new Shape(1, 256, 1, 1), new Shape(1, 256, 1, 1), new Shape(1, 128, 1, 1));
            assertTrue(fresh.adopt(tensors).isEmpty(), "a separable predictor reads other features");

            TaskHead taskHead = task.head(pointwise, BOXES, faces);
            TransferNetwork net = new TransferNetwork(faces, taskHead);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 128, 128));
            ((SsdHead) taskHead.layers()).adopt(tensors);
            ai.djl.nn.Parameter box = taskHead.layers().getChildren().stream().filter(c -> c.getKey().endsWith("box_1"))
                    .findFirst().orElseThrow().getValue().getParameters().get("weight");
            ai.djl.nn.Parameter classes = taskHead.layers().getChildren().stream()
                    .filter(c -> c.getKey().endsWith("class_1")).findFirst().orElseThrow().getValue().getParameters()
                    .get("weight");
            net.freezeStages(SsdMobileNetV1Family.STAGES);
            assertFalse(box.requiresGradient(), "freeze all: the pretrained box predictors stay fixed too");
            assertTrue(classes.requiresGradient(), "the new class predictors train");
            net.freezeStages(SsdMobileNetV1Family.BACKBONE_STAGES);
            assertTrue(box.requiresGradient(), "below all, the box predictors train with the extra layers");
        }
        assertTrue(new SsdMobileNetV1Family(FaceSsdWeights.BACKBONE_ONLY).pretrainedHeadTensors(spec, null).isEmpty());
    }
}
