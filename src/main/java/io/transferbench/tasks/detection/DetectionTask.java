package io.transferbench.tasks.detection;

import ai.djl.training.loss.Loss;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transferbench.BenchException;
import io.transferbench.data.Targets;
import io.transferbench.models.Backbone;
import io.transferbench.models.StageOutput;
import io.transferbench.spec.Rule;
import io.transferbench.tasks.Evaluator;
import io.transferbench.tasks.MetricSpec;
import io.transferbench.tasks.PredictionDrawer;
import io.transferbench.tasks.Task;
import io.transferbench.tasks.TaskHead;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Object detection with an SSD head ({@link SsdHead}) on the backbone's stride-16 and coarser
 * outputs: the last stage at each stride of 16 and more is tapped (MobileNetV2's 16 and 32; a
 * detector backbone with its own extra layers gives all six maps), then {@code extra-layers} new
 * stride-2 layers continue to coarser maps. Trained with SSD's multibox loss (matching at IoU 0.5
 * plus the best anchor of each object, hard negatives 3:1, smooth L1), or the focal loss; scored
 * as pycocotools' {@code COCOeval} scores boxes after per-class NMS.
 *
 * <p>Labels: {@code [N, M, 5]} boxes in input pixels, corners then class (1 and up), padding rows
 * of class -1, as the scene datasets give them.
 */
public final class DetectionTask implements Task {

    public static final String NAME = "object-detection";
    public static final String MAP = "map";
    public static final String MAP_50 = "map_50";
    public static final String MAP_75 = "map_75";
    public static final String MAR_100 = "mar_100";
    static final int MIN_TAP_STRIDE = 16;
    private static final List<String> TAP_STRIDES = List.of("8", "16", "32");
    /** torchvision's SSDLite widths for its four extra layers. */
    private static final long[] EXTRA_CHANNELS = {512, 256, 256, 128};
    private static final String MINED = "mined";
    private static final String AUTO = "auto";
    private static final String FOCAL = "focal";

    private final SsdDecoder decoder = new SsdDecoder(BoxCoder.ssd(), ClassNms.ssd());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "object detection: SSD head (SSDLite extra layers and predictors) on strides 16 and up, COCO mAP";
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(new MetricSpec(MAP, true), new MetricSpec(MAP_50, true), new MetricSpec(MAP_75, true),
                new MetricSpec(MAR_100, true));
    }

    /**
     * {@code extra-layers}: new stride-2 layers after the last tap, or {@code auto} (the default):
     * as many as it takes the coarsest map to 1x1, at most four (torchvision's SSDLite at 320 px has
     * four; MobileNetV2 at 128 px needs two; a detector backbone that reaches 1x1 itself, none).
     * {@code predictor}: {@code separable} (SSDLite) or {@code pointwise} (1x1, the original
     * SSD-MobileNet's, which can keep a source detector's box predictors). {@code min-scale}, {@code max-scale}:
     * the default boxes' sizes on the finest and coarsest map, as fractions of the input.
     * {@code reduce-lowest}: TF's three boxes per cell on the finest map instead of six.
     * {@code min-stride}: the finest stride tapped (16 as SSDLite; 8 gives small inputs a finer map).
     * {@code loss}: {@code mined} (SSD) or {@code focal} (RetinaNet's, gamma 2, alpha 0.25).
     */
    @Override
    public Rule.ObjectRule headRule() {
        return Rule.object()
                .optional("extra-layers", Rule.anyOf(Rule.integer(0, EXTRA_CHANNELS.length),
                        Rule.choice("extra layers", List.of(AUTO))), AUTO)
                .optional("predictor", Rule.choice("box predictor", List.of("separable", "pointwise")), "separable")
                .optional("min-scale", Rule.number(0, false, 1, true), 0.2)
                .optional("max-scale", Rule.number(0, false, 2, true), 0.95)
                .optional("reduce-lowest", Rule.bool(), true)
                .optional("min-stride", Rule.choice("stride", TAP_STRIDES), Integer.toString(MIN_TAP_STRIDE))
                .optional("loss", Rule.choice("detection loss", List.of(MINED, FOCAL)), MINED)
                .build();
    }

    @Override
    public TaskHead head(ObjectNode options, Targets targets, Backbone backbone) {
        if (targets.shape().length != 2 || targets.shape()[1] != 5) {
            throw new IllegalArgumentException("detection targets are [boxes, 5] rows, not "
                    + java.util.Arrays.toString(targets.shape()));
        }
        List<Integer> taps = taps(backbone, options.path("min-stride").asInt(MIN_TAP_STRIDE));
        int[] strides = new int[taps.size()];
        long[] channels = new long[taps.size()];
        for (int i = 0; i < taps.size(); i++) {
            StageOutput out = backbone.outputs().get(taps.get(i));
            strides[i] = out.stride();
            channels[i] = out.channels();
        }
        long[] input = targets.inputShape();
        if (input.length != 3 || input[1] != input[2]) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "task " + NAME + " needs square images [3, S, S], "
                    + "not " + java.util.Arrays.toString(input));
        }
        JsonNode extraLayers = options.path("extra-layers");
        int coarsest = (int) ((input[1] + strides[strides.length - 1] - 1) / strides[strides.length - 1]);
        long[] extra = java.util.Arrays.copyOf(EXTRA_CHANNELS, extraLayers.isInt() ? extraLayers.asInt()
                : layersToOneCell(coarsest));
        double minScale = options.path("min-scale").asDouble(0.2);
        double maxScale = options.path("max-scale").asDouble(0.95);
        if (minScale >= maxScale) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "head.min-scale (" + minScale
                    + ") must be below head.max-scale (" + maxScale + ")");
        }
        SsdLayout layout = SsdLayout.of((int) input[1], strides, channels, extra, minScale, maxScale,
                options.path("reduce-lowest").asBoolean(true));
        SsdHead.Predictor predictor = SsdHead.Predictor.valueOf(
                options.path("predictor").asText("separable").toUpperCase(Locale.ROOT));
        SsdHead head = new SsdHead(layout, targets.classCount() - 1, predictor);
        return new TaskHead(taps, ai.djl.nn.Blocks.identityBlock(), head, 2 * head.multiplyAdds());
    }

    /** Stride-2 layers from a map {@code size} cells wide down to one cell, at most as many as SSDLite has. */
    static int layersToOneCell(int size) {
        int layers = 0;
        for (int s = size; s > 1 && layers < EXTRA_CHANNELS.length; s = (s + 1) / 2) {
            layers++;
        }
        return layers;
    }

    /** The last stage at each stride from {@code minStride} up, finest first. */
    private static List<Integer> taps(Backbone backbone, int minStride) {
        List<Integer> taps = new ArrayList<>();
        List<StageOutput> outputs = backbone.outputs();
        for (int i = 0; i < outputs.size(); i++) {
            int stride = outputs.get(i).stride();
            boolean lastAtStride = i + 1 == outputs.size() || outputs.get(i + 1).stride() != stride;
            if (stride >= minStride && lastAtStride) {
                if (!taps.isEmpty() && outputs.get(taps.get(taps.size() - 1)).stride() >= stride) {
                    throw new BenchException(BenchException.EXIT_BAD_INPUT, "task " + NAME + " needs a backbone whose "
                            + "strides only grow from " + minStride + " on; this one's are " + strides(outputs));
                }
                taps.add(i);
            }
        }
        if (taps.isEmpty()) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "task " + NAME + " needs a backbone with outputs "
                    + "at stride " + minStride + " or more; this one's stages output strides " + strides(outputs));
        }
        return taps;
    }

    private static List<String> strides(List<StageOutput> outputs) {
        return outputs.stream().map(o -> Integer.toString(o.stride())).toList();
    }

    @Override
    public Loss loss(ObjectNode options) {
        JsonNode kind = options.path("loss");
        SsdLoss loss = kind.asText(MINED).equals(FOCAL) ? SsdLoss.focal(2, 0.25) : SsdLoss.mined(
                HardNegativeMining.ssd());
        return new AssignedMultiboxLoss(loss, AnchorMatcher.ssd(), BoxCoder.ssd());
    }

    @Override
    public Evaluator newEvaluator(Targets targets) {
        return new DetectionEvaluator(targets.classNames(), decoder);
    }

    @Override
    public Optional<PredictionDrawer> drawer(Targets targets) {
        return Optional.of(new BoxDrawer(targets.classNames(), decoder));
    }
}
