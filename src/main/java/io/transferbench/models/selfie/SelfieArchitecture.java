package io.transferbench.models.selfie;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import io.transferbench.models.EagerSequentialBlock;
import io.transferbench.models.StageOutput;

import java.util.ArrayList;
import java.util.List;

import static io.transferbench.models.selfie.Nonlinearity.HARD_SWISH;
import static io.transferbench.models.selfie.Nonlinearity.LINEAR;
import static io.transferbench.models.selfie.Nonlinearity.RELU;
import static io.transferbench.models.selfie.Nonlinearity.SIGMOID;

/**
 * The MediaPipe selfie segmenter's layers, read off its TF.js graph ({@code selfie.json}) and
 * named by the graph's nodes, cut into eight chained stages:
 *
 * <ol start="0">
 *   <li>{@code stem}: x/255, 3x3 stride-2 convolution to 16, hard-swish (1/2)
 *   <li>{@code encoder-4}: bottleneck 16-16-16 with squeeze-excitation, stride 2 (1/4)
 *   <li>{@code encoder-8}: bottlenecks 16-72-24 (stride 2) and 24-88-24 (1/8)
 *   <li>{@code encoder-16}: five hard-swish 5x5 bottlenecks with squeeze-excitation, to 32 (1/16)
 *   <li>{@code bridge-16}: the LR-ASPP-style gated 1x1 projection to 128 (1/16)
 *   <li>{@code decoder-8}, {@code decoder-4}, {@code decoder-2}: upsample, fuse the gated skip of
 *       that stride, refine (24, 16, 16 channels)
 * </ol>
 *
 * Stages 0-2 keep their outputs as skips for the decoder, carried along the chain; the last stage
 * outputs the features the model's own {@link PersonMask} layer reads. Node names are the graph's.
 */
final class SelfieArchitecture {

    static final String[] STAGE_NAMES = {"stem", "encoder-4", "encoder-8", "encoder-16", "bridge-16", "decoder-8",
        "decoder-4", "decoder-2"};
    /** Width of the last stage's output, which the person mask reads. */
    static final long FEATURES = 16;

    final List<Block> stages = new ArrayList<>();
    final List<StageOutput> outputs = new ArrayList<>();
    private long size;
    private int stride = 1;

    /** @param size height (= width) of the input images, a multiple of 16 */
    SelfieArchitecture(long size) {
        this.size = size;
        stem();
        encoder4();
        encoder8();
        encoder16();
        bridge16();
        decoder("Conv2D_32", 128, 24, "Conv2D_33", "Conv2D_34", "Conv2D_35", "depthwise_8", 2);
        decoder("Conv2D_36", 24, 16, "Conv2D_37", "Conv2D_38", "Conv2D_39", "depthwise_9", 1);
        decoder("Conv2D_40", 16, 16, "Conv2D_41", "Conv2D_42", "Conv2D_43", "depthwise_10", 0);
    }

    private void stem() {
        GraphConv conv = new GraphConv("Conv2D", 3, 16, 3, 2, false, HARD_SWISH, size);
        add(new EagerSequentialBlock().add(new LambdaBlock(SelfieArchitecture::scaleInput, "input_scaling")).add(conv),
                conv, 16, 0);
    }

    private void encoder4() {
        Bottleneck block = new Bottleneck(pointwise("Conv2D_2", 16, 16, RELU),
                new GraphConv("depthwise", 16, 16, 3, 2, true, RELU, size), ChannelGate.squeezeExcite("Conv2D_3",
                "Conv2D_4", 16, 8), pointwise("Conv2D_5", 16, 16, LINEAR, size / 2), 16);
        addEncoder(new EagerSequentialBlock().add(block), 16, 1);
    }

    private void encoder8() {
        SequentialBlock blocks = new EagerSequentialBlock()
                .add(new Bottleneck(pointwise("Conv2D_6", 16, 72, RELU),
                        new GraphConv("depthwise_1", 72, 72, 3, 2, true, RELU, size), null,
                        pointwise("Conv2D_7", 72, 24, LINEAR, size / 2), 16))
                .add(new Bottleneck(pointwise("Conv2D_8", 24, 88, RELU, size / 2),
                        new GraphConv("depthwise_2", 88, 88, 3, 1, true, RELU, size / 2), null,
                        pointwise("Conv2D_9", 88, 24, LINEAR, size / 2), 24));
        addEncoder(blocks, 24, 2);
    }

    private void encoder16() {
        long in = size;
        long out = size / 2;
        // The bridge reads the 1/16 output directly; the 1/8 input is kept as the first decoder's skip.
        // Conv2D index of the expansion, hidden width, squeeze width, per block.
        int[][] table = {{10, 96, 24}, {14, 128, 32}, {18, 128, 32}, {22, 96, 24}, {26, 96, 24}};
        SequentialBlock blocks = new EagerSequentialBlock();
        long channels = 24;
        for (int i = 0; i < table.length; i++) {
            int n = table[i][0];
            long hidden = table[i][1];
            int blockStride = i == 0 ? 2 : 1;
            long blockIn = i == 0 ? in : out;
            blocks.add(new Bottleneck(pointwise("Conv2D_" + n, channels, hidden, HARD_SWISH, blockIn),
                    new GraphConv("depthwise_" + (i + 3), hidden, hidden, 5, blockStride, true, HARD_SWISH, blockIn),
                    ChannelGate.squeezeExcite("Conv2D_" + (n + 1), "Conv2D_" + (n + 2), hidden, table[i][2]),
                    pointwise("Conv2D_" + (n + 3), hidden, 32, LINEAR, out), channels));
            channels = 32;
        }
        addEncoder(blocks, 32, 3);
    }

    private void bridge16() {
        GatedProjection bridge = new GatedProjection(pointwise("Conv2D_30", 32, 128, RELU, size),
                new ChannelGate(List.of(GraphConv.pointwise("Conv2D_31", 32, 128, SIGMOID, 1))));
        // Replaces the 1/16 features, which no decoder stage reads, and passes the skips on.
        stages.add(ChainedStage.encoder(bridge, false));
        outputs.add(new StageOutput(128, stride, 3));
    }

    private void decoder(String up, long in, long out, String gateReduce, String gateExpand, String refine,
                         String depthwise, int carriedAfter) {
        size *= 2;
        stride /= 2;
        DecoderBlock block = new DecoderBlock(pointwise(up, in, out, LINEAR),
                ChannelGate.squeezeExcite(gateReduce, gateExpand, out, out), pointwise(refine, out, out, RELU),
                new GraphConv(depthwise, out, out, 3, 1, true, RELU, size));
        stages.add(ChainedStage.decoder(block));
        outputs.add(new StageOutput(out, stride, carriedAfter));
    }

    /** Adds an encoder stage that halves the resolution and keeps its input as a skip. */
    private void addEncoder(Block body, long channels, int carriedAfter) {
        stages.add(ChainedStage.encoder(body, true));
        size /= 2;
        stride *= 2;
        outputs.add(new StageOutput(channels, stride, carriedAfter));
    }

    private void add(Block stage, GraphConv conv, long channels, int carried) {
        stages.add(ChainedStage.encoder(stage, false));
        size = conv.outSize();
        stride *= 2;
        outputs.add(new StageOutput(channels, stride, carried));
    }

    private GraphConv pointwise(String node, long in, long out, Nonlinearity nonlinearity) {
        return GraphConv.pointwise(node, in, out, nonlinearity, size);
    }

    private static GraphConv pointwise(String node, long in, long out, Nonlinearity nonlinearity, long size) {
        return GraphConv.pointwise(node, in, out, nonlinearity, size);
    }

    /**
     * The selfie model was trained on RGB in 0..1: Human divides by 255 before running it
     * ({@code segmentation/selfie.ts}), and the graph's first op is the stem convolution, so no
     * scaling hides inside. Image datasets deliver 0..255.
     */
    private static NDList scaleInput(NDList images) {
        return new NDList(images.singletonOrThrow().div(255f));
    }
}
