package io.transferbench.models.mobilenet;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.pooling.Pool;
import io.transferbench.assets.AssetAccess;
import io.transferbench.assets.LocalFiles;
import io.transferbench.models.Backbone;
import io.transferbench.models.EagerSequentialBlock;
import io.transferbench.models.ModelFamily;
import io.transferbench.models.SquareImages;
import io.transferbench.models.StageOutput;
import io.transferbench.models.TfConvUnit;
import io.transferbench.spec.ModelSpec;
import io.transferbench.spec.Rule;
import io.transferbench.weights.TfjsReader;
import io.transferbench.weights.WeightImportException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MobileNetV2 1.0 (Sandler et al. 2018) as Keras builds it, with the ImageNet-initialised weights
 * that NSFWJS ships (fine-tuned by NSFWJS on a 5-class image task; BatchNorm statistics included).
 *
 * <p><b>Stages</b> (7): the stem convolution, the inverted-residual blocks grouped by the
 * resolution they run at (1/2: block 0; 1/4: blocks 1-2; 1/8: blocks 3-5; 1/16: blocks 6-12;
 * 1/32: blocks 13-16), and the final 1x1 convolution to 1280 channels. Freeze depth 6 trains
 * only that last convolution; 5 also the 1/32 blocks; 2 keeps the stem and the 1/2 block fixed.
 * Pooling is global average pooling to a 1280-d feature vector.
 *
 * <p><b>Input contract.</b> Image datasets deliver RGB as float32 {@code [3, S, S]} with values in
 * 0..255. The stem scales them by 1/255 to 0..1, because these weights were last trained on
 * inputs in 0..1: NSFWJS divides by 255 before predicting (its {@code normalizationOffset}), not
 * by Keras MobileNetV2's own {@code x / 127.5 - 1}. Keeping the scaling inside the model means
 * every dataset stays model-agnostic and a cached frozen prefix already includes it.
 *
 * <p><b>Your own weights</b> ({@code mobilenet-v2-tfjs}): a Keras MobileNetV2 1.0 saved for
 * TF.js in the standard layout ({@code model.json} and its binary shards, at
 * {@code model.options.path}), with {@code input-scaling} required: Keras's own MobileNetV2
 * expects {@code x / 127.5 - 1} ({@code symmetric}), NSFWJS's {@code x / 255} ({@code unit}), and
 * the wrong one silently ruins results, so there is no default.
 */
public final class MobileNetV2Family implements ModelFamily {

    public static final String NAME = "mobilenet-v2";
    public static final String LOCAL_NAME = "mobilenet-v2-tfjs";
    private static final List<String> SCALINGS = List.of("unit", "symmetric");
    public static final String WEIGHTS_ASSET = "nsfwjs-mobilenet-v2";
    /** Where the layers model sits inside the asset. */
    public static final String MODEL_PATH = "package/dist/models/mobilenet_v2/model.min.js";
    public static final int STAGES = 7;
    public static final long FEATURES = 1280;
    /** The 1/32 stage, which output stride 16 dilates instead of striding. */
    private static final int DILATED_STAGE = 5;
    private static final int MIN_SIZE = 32;

    /**
     * Keras's table (expansion t, output channels c, repeats n, first stride s), one row per
     * width, each with the stage its blocks belong to.
     */
    private static final int[][] BLOCKS = {
        // t,   c, n, s, stage
        {1, 16, 1, 1, 1},
        {6, 24, 2, 2, 2},
        {6, 32, 3, 2, 3},
        {6, 64, 4, 2, 4},
        {6, 96, 3, 1, 4},
        {6, 160, 3, 2, 5},
        {6, 320, 1, 1, 5},
    };

    /** Weights read from the user's TF.js model rather than the locked NSFWJS bundle. */
    private final boolean local;

    /** MobileNetV2 with NSFWJS's locked weights. */
    public MobileNetV2Family() {
        this(false);
    }

    private MobileNetV2Family(boolean local) {
        this.local = local;
    }

    /** MobileNetV2 with the user's weights, from a TF.js layers model in the standard layout. */
    public static MobileNetV2Family fromTfjsFiles() {
        return new MobileNetV2Family(true);
    }

    @Override
    public String name() {
        return local ? LOCAL_NAME : NAME;
    }

    @Override
    public String description() {
        return local ? "your Keras MobileNetV2 1.0 saved for TF.js (model.json and shards at model.options.path)"
                : "MobileNetV2 1.0, ImageNet-initialised (NSFWJS TF.js weights), 7 stages, 1280-d features";
    }

    @Override
    public String inputKind() {
        return "image";
    }

    /**
     * {@code batchnorm-momentum} is the share of a BatchNorm running statistic kept at each
     * training step (Keras's convention; PyTorch's momentum is one minus it). The file says
     * 0.999, tuned for ImageNet-length training. A transfer cell trains for a few hundred steps,
     * and evaluates with the running statistics: at 0.999, or even Keras's usual 0.99, they still
     * hold much of their starting value (ImageNet's, or 0 and 1 from scratch) when the network's
     * activations have long moved, and validation accuracy trails training far behind. The
     * default 0.9 is PyTorch's (and torchvision's MobileNetV2's): it follows the data within a
     * few dozen steps.
     *
     * <p>{@code output-stride: 16} runs the 1/32 stage and the final convolution at 1/16, its
     * depthwise convolutions dilated by 2 instead of the first one strided, as torchvision builds
     * its segmentation backbones: every pretrained stage is used and a dense head gets a finer
     * grid. The weights are the same; only where the kernels sample changes.
     */
    @Override
    public Rule.ObjectRule optionsRule() {
        Rule.ObjectRule.Builder options = Rule.object();
        if (local) {
            options.required("path", Rule.text(".+\\.json", "a path to a TF.js model.json"))
                    .required("input-scaling", Rule.choice("an input scaling (unit: x/255 as NSFWJS; symmetric:"
                            + " x/127.5 - 1 as Keras's MobileNetV2)", SCALINGS));
        }
        return options
                .optional(SquareImages.MOMENTUM, SquareImages.momentumRule(), SquareImages.DEFAULT_MOMENTUM)
                .optional("output-stride", Rule.choice("output stride", List.of("32", "16")), 32)
                .build();
    }

    @Override
    public boolean readsLocalFiles() {
        return local;
    }

    @Override
    public List<String> checkFiles(ModelSpec spec) {
        if (!local) {
            return List.of();
        }
        Path modelJson = modelJson(spec);
        Optional<String> notAFile = LocalFiles.notAFile(modelJson);
        if (notAFile.isPresent()) {
            return List.of(notAFile.get());
        }
        try {
            TfjsReader.read(modelJson);
            return List.of();
        } catch (WeightImportException e) {
            return List.of(e.getMessage());
        }
    }

    private static Path modelJson(ModelSpec spec) {
        return Path.of(spec.options().path("path").asText());
    }

    @Override
    public int stageCount(ModelSpec spec) {
        return STAGES;
    }

    @Override
    public Backbone build(ModelSpec spec, long[] inputShape) {
        long size = SquareImages.side(name(), inputShape, MIN_SIZE);
        float momentum = SquareImages.momentum(spec);
        boolean dilated = spec.options().path("output-stride").asText("32").equals("16");
        List<Block> stages = new ArrayList<>();
        List<StageOutput> outputs = new ArrayList<>();
        long[] flops = new long[STAGES];

        TfConvUnit stemConv = new TfConvUnit(TfConvUnit.SourceNames.keras("Conv1", "bn_Conv1", false),
                TfConvUnit.Spec.of(3, 32, 3, 2, false, true, size, momentum));
        boolean symmetric = local && spec.options().path("input-scaling").asText().equals("symmetric");
        stages.add(new EagerSequentialBlock().add(new LambdaBlock(symmetric ? MobileNetV2Family::scaleSymmetric
                        : MobileNetV2Family::scaleInput, "input_scaling"))
                .add(stemConv));
        flops[0] = 2 * stemConv.multiplyAdds(size);
        size = stemConv.outSize(size);
        int outputStride = 2;
        outputs.add(new StageOutput(32, outputStride));

        long channels = 32;
        int index = 0;
        for (int[] row : BLOCKS) {
            int stage = row[4];
            if (stages.size() == stage) {
                stages.add(new EagerSequentialBlock());
                outputs.add(null);
            }
            boolean dilate = dilated && stage == DILATED_STAGE;
            for (int r = 0; r < row[2]; r++) {
                int stride = r == 0 && !dilate ? row[3] : 1;
                InvertedResidual block = new InvertedResidual(index++, channels, row[1], row[0], stride, dilate ? 2 : 1,
                        size, momentum);
                ((EagerSequentialBlock) stages.get(stage)).add(block);
                for (TfConvUnit unit : block.units()) {
                    flops[stage] += 2 * unit.multiplyAdds(size);
                    size = unit.outSize(size);
                }
                channels = row[1];
                outputStride *= stride;
            }
            outputs.set(stage, new StageOutput(channels, outputStride));
        }

        TfConvUnit head = new TfConvUnit(TfConvUnit.SourceNames.keras("Conv_1", "Conv_1_bn", false),
                TfConvUnit.Spec.of(channels, FEATURES, 1, 1, false, true, size, momentum));
        stages.add(head);
        outputs.add(new StageOutput(FEATURES, outputStride));
        flops[STAGES - 1] = 2 * head.multiplyAdds(size);
        return new Backbone(stages, outputs, Pool.globalAvgPool2dBlock(), flops);
    }

    private static NDList scaleInput(NDList images) {
        return new NDList(images.singletonOrThrow().div(255f));
    }

    private static NDList scaleSymmetric(NDList images) {
        return new NDList(images.singletonOrThrow().div(127.5f).sub(1f));
    }

    /** The locked asset; or the user's model.json folder (it and its shards), digested whole. */
    @Override
    public List<String> weightAssetIds(ModelSpec spec) {
        return List.of(local ? LocalFiles.id(modelJson(spec).toAbsolutePath().getParent()) : WEIGHTS_ASSET);
    }

    @Override
    public void loadPretrained(Backbone backbone, ModelSpec spec, AssetAccess assets, NDManager manager) {
        if (local) {
            Path modelJson = assets.directory(weightAssetIds(spec).get(0)).resolve(modelJson(spec).getFileName());
            KerasImport.load(backbone, TfjsReader.read(modelJson), modelJson.toString());
        } else {
            KerasImport.load(backbone, assets.directory(WEIGHTS_ASSET).resolve(MODEL_PATH));
        }
    }
}
