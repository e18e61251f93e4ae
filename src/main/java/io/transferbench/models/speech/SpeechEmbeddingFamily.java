package io.transferbench.models.speech;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import ai.djl.ndarray.types.Shape;
import io.transferbench.BenchException;
import io.transferbench.assets.AssetAccess;
import io.transferbench.data.Splits;
import io.transferbench.models.Backbone;
import io.transferbench.models.EagerSequentialBlock;
import io.transferbench.models.ModelFamily;
import io.transferbench.models.StageOutput;
import io.transferbench.spec.ModelSpec;
import io.transferbench.spec.Rule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Google's speech_embedding (Lin et al. 2020), the feature extractor of openWakeWord, from its
 * ONNX export. Inputs are 16 kHz waveforms; the family turns them into log-mel frames with the
 * Java front end ({@link LogMelFrontEnd}, never trained), cuts those into 76-frame windows
 * every {@code window-step} frames, runs the 20 convolutions on every window and averages the
 * 96-d window embeddings over the clip.
 *
 * <p>Stages are cut at the network's five max-pools, so freeze depth counts pooling levels:
 *
 * <pre>
 * stage  convolutions (kernel time x mel)                 channels  per window after the stage
 *   0    3x3, 1x3, 3x1, max-pool 2x2                         24      36 x 16
 *   1    1x3, 3x1, 1x3, 3x1, max-pool 1x2                    48      32 x 8
 *   2    1x3, 3x1, 1x3, 3x1, max-pool 2x2                    72      14 x 4
 *   3    1x3, 3x1, 1x3, 3x1, max-pool 1x2                    96      10 x 2
 *   4    1x3, 3x1, 1x3, 3x1, max-pool 2x2                    96       3 x 1
 *   5    3x1 (no bias, no activation): the embedding         96       1 x 1
 * </pre>
 */
public final class SpeechEmbeddingFamily implements ModelFamily {

    public static final String NAME = "speech-embedding";
    public static final String WEIGHTS_ASSET = "speech-embedding";
    public static final String EMBEDDING_PATH = "package/models/embedding_model.onnx";
    public static final String MEL_PATH = "package/models/melspectrogram.onnx";
    public static final int STAGES = 6;
    public static final long FEATURES = 96;
    static final int DEFAULT_WINDOW_STEP = 8;

    /** Per stage: output channels and the kernels (time, mel) of its convolutions, then its pool (time, mel). */
    private static final int[][][] LAYOUT = {
        {{24}, {3, 3}, {1, 3}, {3, 1}, {2, 2}},
        {{48}, {1, 3}, {3, 1}, {1, 3}, {3, 1}, {1, 2}},
        {{72}, {1, 3}, {3, 1}, {1, 3}, {3, 1}, {2, 2}},
        {{96}, {1, 3}, {3, 1}, {1, 3}, {3, 1}, {1, 2}},
        {{96}, {1, 3}, {3, 1}, {1, 3}, {3, 1}, {2, 2}},
        {{96}, {3, 1}},
    };

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Google speech_embedding CNN (openWakeWord's ONNX export), log-mel front end, 6 stages, 96-d features";
    }

    @Override
    public String inputKind() {
        return "audio";
    }

    /** {@code window-step}: frames between window starts (8 = 80 ms, as openWakeWord). */
    @Override
    public Rule.ObjectRule optionsRule() {
        return Rule.object()
                .optional("window-step", Rule.integer(1, ClipWindows.WINDOW_FRAMES), DEFAULT_WINDOW_STEP)
                .build();
    }

    @Override
    public int stageCount(ModelSpec spec) {
        return STAGES;
    }

    @Override
    public Splits prepareInputs(Splits examples, ModelSpec spec, AssetAccess assets) {
        long[] shape = examples.inputShape();
        if (shape.length != 1 || shape[0] < 1) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "model '" + NAME + "' takes 16 kHz mono "
                    + "waveforms [samples]; the dataset gives " + Arrays.toString(shape));
        }
        LogMelFrontEnd frontEnd = frontEnd(assets);
        int samples = (int) shape[0];
        try (NDManager manager = NDManager.newBaseManager()) {
            return examples.withInputs(set -> new LogMelClips(set, frontEnd, samples, manager),
                    new long[] {LogMelClips.framesFor(samples), LogMelFrontEnd.MEL_BINS});
        }
    }

    /** The front end with the export's mel matrix. */
    public static LogMelFrontEnd frontEnd(AssetAccess assets) {
        return new LogMelFrontEnd(SpeechEmbeddingWeights.melMatrix(assets.directory(WEIGHTS_ASSET).resolve(MEL_PATH)));
    }

    @Override
    public Backbone build(ModelSpec spec, long[] inputShape) {
        if (inputShape.length != 2 || inputShape[1] != LogMelFrontEnd.MEL_BINS
                || inputShape[0] < ClipWindows.WINDOW_FRAMES) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "model '" + NAME + "' takes log-mel frames [F, "
                    + LogMelFrontEnd.MEL_BINS + "] with F >= " + ClipWindows.WINDOW_FRAMES + " (its prepareInputs "
                    + "makes them from waveforms); got " + Arrays.toString(inputShape));
        }
        int step = spec.intOption("window-step", DEFAULT_WINDOW_STEP);
        long windows = ClipWindows.count(inputShape[0], step);
        List<Block> stages = new ArrayList<>();
        List<StageOutput> outputs = new ArrayList<>();
        long[] flops = new long[STAGES];
        long channels = 1;
        long time = ClipWindows.WINDOW_FRAMES;
        long mel = LogMelFrontEnd.MEL_BINS;
        for (int s = 0; s < STAGES; s++) {
            int[][] layout = LAYOUT[s];
            long out = layout[0][0];
            boolean last = s == STAGES - 1;
            int convCount = last ? layout.length - 1 : layout.length - 2;
            List<ConvUnit> units = new ArrayList<>();
            long multiplyAdds = 0;
            for (int c = 1; c <= convCount; c++) {
                ConvUnit unit = new ConvUnit(channels, out, layout[c][0], layout[c][1], !last);
                multiplyAdds += unit.multiplyAdds(time, mel);
                time = unit.outTime(time);
                channels = out;
                units.add(unit);
            }
            Block pool = null;
            if (!last) {
                int[] p = layout[layout.length - 1];
                pool = Pool.maxPool2dBlock(new Shape(p[0], p[1]), new Shape(p[0], p[1]));
                time /= p[0];
                mel /= p[1];
            }
            EmbeddingStage stage = new EmbeddingStage(units, pool);
            stages.add(s == 0 ? new EagerSequentialBlock().add(new ClipWindows(step)).add(stage) : stage);
            // Per-window grids [windows, C, time, mel], not an image grid a dense head could tap.
            outputs.add(StageOutput.vector(out));
            flops[s] = 2 * multiplyAdds * windows;
        }
        return new Backbone(stages, outputs, new WindowPooling(), flops);
    }

    @Override
    public List<String> weightAssetIds(ModelSpec spec) {
        return List.of(WEIGHTS_ASSET);
    }

    @Override
    public void loadPretrained(Backbone backbone, ModelSpec spec, AssetAccess assets, NDManager manager) {
        Path onnx = assets.directory(WEIGHTS_ASSET).resolve(EMBEDDING_PATH);
        SpeechEmbeddingWeights.load(units(backbone), onnx);
    }

    /** The 20 convolution units, in forward order. */
    static List<ConvUnit> units(Backbone backbone) {
        List<ConvUnit> units = new ArrayList<>();
        for (Block stage : backbone.stages()) {
            collect(stage, units);
        }
        return units;
    }

    private static void collect(Block block, List<ConvUnit> found) {
        if (block instanceof EmbeddingStage stage) {
            found.addAll(stage.units());
            return;
        }
        block.getChildren().values().forEach(child -> collect(child, found));
    }
}
