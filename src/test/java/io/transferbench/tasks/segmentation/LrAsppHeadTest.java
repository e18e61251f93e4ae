package io.transferbench.tasks.segmentation;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transferbench.Mappers;
import io.transferbench.models.Backbone;
import io.transferbench.models.mobilenet.MobileNetV2Family;
import io.transferbench.spec.ModelSpec;
import io.transferbench.tasks.TaskHead;
import io.transferbench.train.TransferNetwork;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** LR-ASPP on a dilated MobileNetV2 gives a logit per class and pixel; the loss skips ignored pixels. */
class LrAsppHeadTest {

    @Test
    void onMobileNetV2AtOutputStride16TheHeadPredictsEveryPixel() {
        ObjectNode options = Mappers.YAML.createObjectNode().put("output-stride", 16);
        Backbone backbone = new MobileNetV2Family().build(new ModelSpec(MobileNetV2Family.NAME, options, null),
                new long[] {3, 64, 64});
        // The last stage at stride 8 is stage 3 (32 channels); at stride 16, the dilated final convolution.
        TaskHead head = new TaskHead(List.of(3, 6), Blocks.identityBlock(), new LrAsppHead(5, 128, 8), 0);
        try (NDManager manager = NDManager.newBaseManager()) {
            TransferNetwork net = new TransferNetwork(backbone, head);
            net.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 64, 64));
            NDArray logits = net.forward(new ParameterStore(manager, false),
                    new NDList(manager.randomUniform(0, 255, new Shape(2, 3, 64, 64))), false).singletonOrThrow();
            assertEquals(new Shape(2, 5, 64, 64), logits.getShape());
            assertEquals(new Shape(2, 5, 64, 64), net.getOutputShapes(new Shape[] {new Shape(2, 3, 64, 64)})[0]);
        }
    }

    @Test
    void theDecoderKindClassifiesTheLastStageAndUpsamplesItToTheInput() {
        Backbone backbone = new MobileNetV2Family().build(new ModelSpec(MobileNetV2Family.NAME,
                Mappers.YAML.createObjectNode(), null), new long[] {3, 64, 64});
        ObjectNode head = Mappers.YAML.createObjectNode().put("kind", SegmentationTask.DECODER);
        TaskHead decoder = new SegmentationTask().head(head, new io.transferbench.data.Targets(
                List.of("background", "a", "b"), new long[] {64, 64}, new long[] {3, 64, 64}), backbone);
        assertEquals(List.of(backbone.lastStage()), decoder.taps(), "only the last stage, whatever its stride");
        long lastChannels = backbone.outputs().get(backbone.lastStage()).channels();
        assertEquals(2 * lastChannels * 3 * (2 * 2), decoder.flopsPerExample(), "a 1x1 conv on the 2x2 stride-32 map");
        try (NDManager manager = NDManager.newBaseManager()) {
            TransferNetwork net = new TransferNetwork(backbone, decoder);
            net.initialize(manager, DataType.FLOAT32, new Shape(2, 3, 64, 64));
            NDArray logits = net.forward(new ParameterStore(manager, false),
                    new NDList(manager.randomUniform(0, 255, new Shape(2, 3, 64, 64))), false).singletonOrThrow();
            assertEquals(new Shape(2, 3, 64, 64), logits.getShape());
        }
    }

    @Test
    void pixelCrossEntropyAveragesOverThePixelsNotIgnored() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // One image of 1 x 2 pixels, two classes: pixel 0 has logits (0, ln 3), so p(class 1) = 3/4;
            // pixel 1 is ignored whatever it predicts.
            NDArray logits = manager.create(new float[] {0, 5, (float) Math.log(3), -5}, new Shape(1, 2, 1, 2));
            NDArray labels = manager.create(new int[] {1, PixelCrossEntropy.IGNORE}, new Shape(1, 1, 2));
            float loss = new PixelCrossEntropy().evaluate(new NDList(labels), new NDList(logits)).getFloat();
            assertEquals(-Math.log(0.75), loss, 1e-6);
            NDArray allIgnored = manager.create(new int[] {255, 255}, new Shape(1, 1, 2));
            assertEquals(0.0, Math.abs(new PixelCrossEntropy().evaluate(new NDList(allIgnored), new NDList(logits)).getFloat()),
                    "nothing to learn from, and no division by zero");
        }
    }
}
