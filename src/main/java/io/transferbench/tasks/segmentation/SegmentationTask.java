package io.transferbench.tasks.segmentation;

import ai.djl.training.loss.Loss;
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

import java.util.List;
import java.util.Optional;

/**
 * Semantic segmentation: a class per pixel, class 0 the background, label 255 ignored. The head
 * is LR-ASPP on the backbone's stride-8 and stride-16 outputs (the last stage at each stride);
 * a backbone run at output stride 16 (MobileNetV2's {@code output-stride: 16}) gives it every
 * pretrained stage. A backbone that ends in its own pretrained decoder takes head
 * {@code kind: decoder} instead: only a 1x1 classifier is new. Scored as MMSegmentation's {@code IoUMetric}: mIoU, pixel accuracy.
 */
public final class SegmentationTask implements Task {

    public static final String NAME = "semantic-segmentation";
    public static final String MIOU = "miou";
    public static final String PIXEL_ACCURACY = "pixel_accuracy";
    private static final int LOW_STRIDE = 8;
    private static final int HIGH_STRIDE = 16;
    private static final int DEFAULT_INTER = 128;
    public static final String LRASPP = "lraspp";
    public static final String DECODER = "decoder";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "semantic segmentation: per-pixel classes, LR-ASPP head on strides 8 and 16, mIoU";
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(new MetricSpec(MIOU, true), new MetricSpec(PIXEL_ACCURACY, true));
    }

    /**
     * {@code kind}: {@value #LRASPP}, a new LR-ASPP decoder on the encoder's stride-8 and stride-16
     * stages, or {@value #DECODER}, a 1x1 classifier on the last stage, for backbones whose last
     * stages are a pretrained decoder. {@code inter-channels}: width of LR-ASPP's high-level branch
     * (torchvision's 128).
     */
    @Override
    public Rule.ObjectRule headRule() {
        return Rule.object()
                .optional("kind", Rule.choice("segmentation head", List.of(LRASPP, DECODER)), LRASPP)
                .optional("inter-channels", Rule.integer(8, 4096), DEFAULT_INTER).build();
    }

    @Override
    public TaskHead head(ObjectNode options, Targets targets, Backbone backbone) {
        if (targets.shape().length != 2) {
            throw new IllegalArgumentException("segmentation targets are [H, W] masks, not " + targets.shape().length
                    + "-d");
        }
        long pixels = targets.shape()[0] * targets.shape()[1];
        if (options.path("kind").asText(LRASPP).equals(DECODER)) {
            int last = backbone.lastStage();
            StageOutput out = backbone.outputs().get(last);
            long multiplyAdds = DecoderClassifier.multiplyAdds(targets.classCount(), out.channels(),
                    pixels / ((long) out.stride() * out.stride()));
            return new TaskHead(List.of(last), ai.djl.nn.Blocks.identityBlock(),
                    new DecoderClassifier(targets.classCount(), out.stride()), 2 * multiplyAdds);
        }
        int low = lastStageAt(backbone, LOW_STRIDE);
        int high = lastStageAt(backbone, HIGH_STRIDE);
        if (low > high) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "head.kind " + LRASPP + " needs an encoder whose "
                    + "stride-8 stage comes before its stride-16 stage; this backbone reaches stride 8 again after "
                    + "16 (its own decoder): use head: {kind: " + DECODER + "}");
        }
        long inter = options.path("inter-channels").asLong(DEFAULT_INTER);
        StageOutput lowOut = backbone.outputs().get(low);
        StageOutput highOut = backbone.outputs().get(high);
        long multiplyAdds = LrAsppHead.multiplyAdds(targets.classCount(), inter, lowOut.channels(),
                pixels / (LOW_STRIDE * LOW_STRIDE), highOut.channels(), pixels / (HIGH_STRIDE * HIGH_STRIDE));
        return new TaskHead(List.of(low, high), ai.djl.nn.Blocks.identityBlock(),
                new LrAsppHead(targets.classCount(), inter, LOW_STRIDE), 2 * multiplyAdds);
    }

    private static int lastStageAt(Backbone backbone, int stride) {
        for (int i = backbone.outputs().size() - 1; i >= 0; i--) {
            if (backbone.outputs().get(i).stride() == stride) {
                return i;
            }
        }
        throw new BenchException(BenchException.EXIT_BAD_INPUT, "task " + NAME + " needs a backbone with outputs at "
                + "strides " + LOW_STRIDE + " and " + HIGH_STRIDE + "; this one's stages output strides "
                + backbone.outputs().stream().map(o -> Integer.toString(o.stride())).toList());
    }

    @Override
    public Loss loss(ObjectNode options) {
        return new PixelCrossEntropy();
    }

    @Override
    public Evaluator newEvaluator(Targets targets) {
        return new SegmentationEvaluator(targets.classNames());
    }

    @Override
    public Optional<PredictionDrawer> drawer(Targets targets) {
        return Optional.of(new MaskDrawer(targets.classNames()));
    }
}
