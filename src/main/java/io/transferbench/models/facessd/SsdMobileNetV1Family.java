package io.transferbench.models.facessd;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import io.transferbench.assets.AssetAccess;
import io.transferbench.models.Backbone;
import io.transferbench.models.EagerSequentialBlock;
import io.transferbench.models.ModelFamily;
import io.transferbench.models.SquareImages;
import io.transferbench.models.StageOutput;
import io.transferbench.models.TfConvUnit;
import io.transferbench.spec.ModelSpec;
import io.transferbench.spec.Rule;
import io.transferbench.weights.NamedTensor;
import io.transferbench.weights.TfjsReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SSD-MobileNetV1 face detector of face-api.js (trained on WIDER FACE): MobileNetV1 (Howard et
 * al. 2017) and the SSD extra layers of TF's object detection API as backbone stages, so that a
 * detection head taps the six maps the detector predicted from and freeze depth reaches into the
 * detector's own SSD layers; its box predictors go to a head with 1x1 predictors
 * ({@link #pretrainedHeadTensors}), its face class predictors nowhere.
 *
 * <p><b>Stages</b> (9), one per output stride: 2 ({@code Conv2d_0}, a 3x3 stride-2 convolution,
 * and {@code Conv2d_1}), 4 ({@code Conv2d_2..3}), 8 ({@code 4..5}), 16 ({@code 6..11}, the
 * detector's first map), 32 ({@code 12..13}), then the extra layers in pairs, a 1x1 convolution
 * and a 3x3 stride-2 one: {@code Prediction/Conv2d_0..1} (stride 64), {@code 2..3}, {@code 4..5},
 * {@code 6..7} (stride 512). At the detector's 512 px the maps of strides 16 to 512 are 32, 16, 8,
 * 4, 2 and 1 cells wide; a smaller input gives smaller maps (TF's "same" padding: a stride-2 layer
 * of a 1x1 map gives a 1x1 map). Freeze depth 5 keeps MobileNetV1 fixed, 9 ({@code all}) the
 * extra layers too.
 *
 * <p>Each MobileNetV1 layer is a depthwise 3x3 convolution with BatchNorm (epsilon 1e-3) and
 * ReLU6, then a 1x1 convolution whose BatchNorm the export folded into a bias, and ReLU6; the
 * stem and the extra layers are convolutions with bias and ReLU6, as face-api computes them.
 * Datasets give RGB in 0..255; the stem scales it to x / 127.5 - 1, the detector's input.
 */
public final class SsdMobileNetV1Family implements ModelFamily {

    public static final String WEIGHTS_ASSET = "face-api-ssd-mobilenet-v1";
    public static final String MANIFEST = "package/model/ssd_mobilenetv1_model-weights_manifest.json";
    public static final int STAGES = 9;
    /** The MobileNetV1 stages; the rest are the SSD extra layers. */
    public static final int BACKBONE_STAGES = 5;
    private static final int MIN_SIZE = 32;

    /** MobileNetV1's depthwise-separable layers 1..13: pointwise width, depthwise stride, stage. */
    private static final int[][] LAYERS = {
        {64, 1, 0}, {128, 2, 1}, {128, 1, 1}, {256, 2, 2}, {256, 1, 2}, {512, 2, 3}, {512, 1, 3}, {512, 1, 3},
        {512, 1, 3}, {512, 1, 3}, {512, 1, 3}, {1024, 2, 4}, {1024, 1, 4},
    };
    /** Output width of {@code Prediction/Conv2d_0..7}. */
    private static final int[] EXTRA_WIDTHS = {256, 512, 128, 256, 128, 256, 64, 128};

    private final FaceSsdWeights weights;

    public SsdMobileNetV1Family(FaceSsdWeights weights) {
        this.weights = weights;
    }

    @Override
    public String name() {
        return weights.modelName();
    }

    @Override
    public String description() {
        return "SSD-MobileNetV1 face detector (face-api.js TF.js weights, WIDER FACE), 9 stages to stride 512; "
                + "pretrained: " + weights.pretrained();
    }

    @Override
    public String inputKind() {
        return "image";
    }

    /**
     * {@code batchnorm-momentum}: the share of a running statistic kept per step (Keras's
     * convention), 0.9 as for MobileNetV2 (see there); only the depthwise layers have BatchNorm.
     */
    @Override
    public Rule.ObjectRule optionsRule() {
        return Rule.object()
                .optional(SquareImages.MOMENTUM, SquareImages.momentumRule(), SquareImages.DEFAULT_MOMENTUM)
                .build();
    }

    @Override
    public int stageCount(ModelSpec spec) {
        return STAGES;
    }

    @Override
    public Backbone build(ModelSpec spec, long[] inputShape) {
        float momentum = SquareImages.momentum(spec);
        Layers layers = new Layers(SquareImages.side(name(), inputShape, MIN_SIZE));
        layers.add(0, pointwise("MobilenetV1/Conv2d_0_pointwise", 3, 32, 3, 2, layers.size));
        long channels = 32;
        for (int i = 0; i < LAYERS.length; i++) {
            String name = "MobilenetV1/Conv2d_" + (i + 1);
            int stage = LAYERS[i][2];
            layers.add(stage, new TfConvUnit(new TfConvUnit.SourceNames(name + "_depthwise/depthwise_weights", null,
                    name + "_depthwise/BatchNorm"), TfConvUnit.Spec.of(channels, channels, 3, LAYERS[i][1], true, true,
                    layers.size, momentum)));
            layers.add(stage, pointwise(name + "_pointwise", channels, LAYERS[i][0], 1, 1, layers.size));
            channels = LAYERS[i][0];
        }
        for (int i = 0; i < EXTRA_WIDTHS.length; i++) {
            boolean strided = i % 2 == 1;
            layers.add(BACKBONE_STAGES + i / 2, pointwise("Prediction/Conv2d_" + i + "_pointwise", channels,
                    EXTRA_WIDTHS[i], strided ? 3 : 1, strided ? 2 : 1, layers.size));
            channels = EXTRA_WIDTHS[i];
        }
        return layers.backbone();
    }

    private static TfConvUnit pointwise(String name, long in, long out, int kernel, int stride, long size) {
        return new TfConvUnit(new TfConvUnit.SourceNames(name + "/weights", name + "/convolution_bn_offset", null),
                TfConvUnit.Spec.of(in, out, kernel, stride, false, true, size, 0));
    }

    /** The stages as they fill, with the size, stride and cost each unit leaves behind. */
    private static final class Layers {
        private final List<SequentialBlock> stages = new ArrayList<>();
        private final long[] flops = new long[STAGES];
        private final StageOutput[] outputs = new StageOutput[STAGES];
        private long size;
        private int stride = 1;

        Layers(long size) {
            this.size = size;
            for (int s = 0; s < STAGES; s++) {
                stages.add(new EagerSequentialBlock());
            }
            stages.get(0).add(new LambdaBlock(SsdMobileNetV1Family::scaleInput, "input_scaling"));
        }

        void add(int stage, TfConvUnit unit) {
            stages.get(stage).add(unit);
            flops[stage] += 2 * unit.multiplyAdds(size);
            size = unit.outSize(size);
            // the nominal stride: a stride-2 layer on a 1x1 map still doubles it, as TF's anchors count
            stride *= unit.spec().stride();
            outputs[stage] = new StageOutput(unit.spec().outChannels(), stride);
        }

        Backbone backbone() {
            return new Backbone(new ArrayList<Block>(stages), List.of(outputs), Pool.globalAvgPool2dBlock(), flops);
        }
    }

    private static NDList scaleInput(NDList images) {
        return new NDList(images.singletonOrThrow().div(127.5f).sub(1f));
    }

    @Override
    public List<String> weightAssetIds(ModelSpec spec) {
        return List.of(WEIGHTS_ASSET);
    }

    @Override
    public void loadPretrained(Backbone backbone, ModelSpec spec, AssetAccess assets, NDManager manager) {
        FaceSsdImport.load(backbone, assets.directory(WEIGHTS_ASSET).resolve(MANIFEST), weights);
    }

    /**
     * The detector's six box predictors, which a detection head with 1x1 predictors keeps (its
     * class predictors are for faces, so they start fresh); none for the backbone-only variant.
     */
    @Override
    public Map<String, NamedTensor> pretrainedHeadTensors(ModelSpec spec, AssetAccess assets) {
        if (weights != FaceSsdWeights.DETECTOR) {
            return Map.of();
        }
        Path manifest = assets.directory(WEIGHTS_ASSET).resolve(MANIFEST);
        return FaceSsdImport.boxPredictors(TfjsReader.read(manifest), manifest.toString());
    }
}
