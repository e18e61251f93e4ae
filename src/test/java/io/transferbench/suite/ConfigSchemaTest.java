package io.transferbench.suite;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transferbench.Mappers;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Older configs read as the harness that wrote them ran them. */
class ConfigSchemaTest {

    private static ObjectNode yaml(String text) throws Exception {
        return (ObjectNode) Mappers.YAML.readTree(text);
    }

    @Test
    void version3LabelSmoothingMovesIntoTheTasksHeadOptions() throws Exception {
        ObjectNode v3 = yaml("task: image-classification\nhead: {dropout: 0.2, hidden: 0}\n"
                + "training: {epochs: 3, label-smoothing: 0.1, decay-biases-and-norms: false}\n");
        ObjectNode v4 = ConfigSchema.upgrade(v3, 3);
        assertEquals(0.1, v4.at("/head/label-smoothing").asDouble());
        assertEquals(0.2, v4.at("/head/dropout").asDouble());
        assertFalse(v4.at("/training").has("label-smoothing"));
        assertFalse(v4.at("/training/decay-biases-and-norms").asBoolean(), "later steps leave what v3 wrote");
        assertEquals(0.1, v3.at("/training/label-smoothing").asDouble(), "the input is not changed");
        ObjectNode mobilenet = ConfigSchema.upgrade(yaml("model: {name: mobilenet-v2, options: {batchnorm-momentum: 0.9}}\n"), 3);
        assertEquals(32, mobilenet.at("/model/options/output-stride").asInt(), "no dilation before version 4");
    }

    @Test
    void aConfigWithoutHeadOrSmoothingGetsTheHeadThoseHarnessesUsed() throws Exception {
        ObjectNode v4 = ConfigSchema.upgrade(yaml("task: text-classification\ntraining: {epochs: 2}\n"), 2);
        assertEquals(0.0, v4.at("/head/label-smoothing").asDouble());
        assertEquals(0.0, v4.at("/head/dropout").asDouble());
        assertEquals(0, v4.at("/head/hidden").asInt());
        assertEquals(true, v4.at("/training/decay-biases-and-norms").asBoolean(), "v2 decayed every parameter");
    }

    @Test
    void version4SceneDatasetsHadNoSeenTestScenesAndSegmentationHeadsWereLrAspp() throws Exception {
        ObjectNode scenes = ConfigSchema.upgrade(yaml("task: semantic-segmentation\n"
                + "dataset: {name: stamp-scenes, options: {test-scenes: 100}}\nhead: {inter-channels: 128}\n"), 4);
        assertEquals(0, scenes.at("/dataset/options/seen-test-scenes").asInt());
        assertEquals("lraspp", scenes.at("/head/kind").asText(), "LR-ASPP was the only segmentation head");
        assertEquals(100, scenes.at("/dataset/options/test-scenes").asInt());
        ObjectNode stamps = ConfigSchema.upgrade(yaml("dataset: {name: tuxpaint-stamps, options: {image-size: 96}}\n"), 4);
        assertFalse(stamps.at("/dataset/options").has("seen-test-scenes"), "only the scene dataset has the option");
    }

    @Test
    void version5BertEncodersPaddedToMaxLength() throws Exception {
        ObjectNode bert = ConfigSchema.upgrade(yaml("model: {name: minilm-l6, options: {max-length: 64}}\n"), 5);
        assertEquals("max-length", bert.at("/model/options/padding").asText());
        ObjectNode mobilenet = ConfigSchema.upgrade(yaml("model: {name: mobilenet-v2, options: {output-stride: 32}}\n"), 5);
        assertFalse(mobilenet.at("/model/options").has("padding"), "only text encoders pad");
        ObjectNode v6 = ConfigSchema.upgrade(yaml("model: {name: bge-small, options: {padding: longest}}\n"), 6);
        assertEquals("longest", v6.at("/model/options/padding").asText());
    }

    @Test
    void aNewerVersionIsRefused() throws Exception {
        assertThrows(IllegalArgumentException.class,
                () -> ConfigSchema.upgrade(yaml("training: {epochs: 1}\n"), ConfigSchema.CURRENT + 1));
    }
}
