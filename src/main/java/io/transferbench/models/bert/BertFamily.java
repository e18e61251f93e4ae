package io.transferbench.models.bert;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import io.transferbench.BenchException;
import io.transferbench.assets.AssetAccess;
import io.transferbench.data.ExampleSet;
import io.transferbench.data.Splits;
import io.transferbench.data.TextExamples;
import io.transferbench.models.Backbone;
import io.transferbench.models.ModelFamily;
import io.transferbench.models.StageFlops;
import io.transferbench.models.StageOutput;
import io.transferbench.spec.ModelSpec;
import io.transferbench.spec.Rule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A pretrained BERT text encoder, written in DJL to match Hugging Face's BERT exactly and loaded
 * from the checkpoint's ONNX export. Stages: the embeddings, then each encoder layer, so freeze
 * depth 1 keeps the embeddings and depth {@code layers + 1} keeps everything. Texts are tokenised
 * with the checkpoint's own {@code tokenizer.json}, truncated to {@code max-length}, and each batch
 * padded to its longest text ({@code padding: longest}, the default) or to {@code max-length}.
 * Padding is masked out of attention and pooling, so it changes cost, not the maths.
 */
public final class BertFamily implements ModelFamily {

    private static final Logger LOG = LoggerFactory.getLogger(BertFamily.class);
    private static final int DEFAULT_MAX_LENGTH = 128;
    private static final String PAD_TO_LONGEST = "longest";

    private final BertCheckpoint checkpoint;

    BertFamily(BertCheckpoint checkpoint) {
        this.checkpoint = checkpoint;
    }

    @Override
    public String name() {
        return checkpoint.family();
    }

    @Override
    public String description() {
        return checkpoint.description();
    }

    @Override
    public String inputKind() {
        return "text";
    }

    @Override
    public Rule.ObjectRule optionsRule() {
        return Rule.object()
                .optional("max-length", Rule.integer(8, checkpoint.config().maxPositions()), DEFAULT_MAX_LENGTH)
                .optional("padding", Rule.choice("a padding", List.of(PAD_TO_LONGEST, "max-length")), PAD_TO_LONGEST)
                .optional("pooling", Rule.choice("a pooling", List.of("mean", "cls")),
                        checkpoint.pooling().name().toLowerCase(Locale.ROOT))
                .optional("dropout", Rule.number(0, true, 1, false), Double.parseDouble(Float.toString(checkpoint.config().dropout())))
                .build();
    }

    @Override
    public int stageCount(ModelSpec spec) {
        return checkpoint.config().layers() + 1;
    }

    @Override
    public Backbone build(ModelSpec spec, long[] inputShape) {
        BertConfig config = config(spec);
        List<Block> stages = new ArrayList<>();
        stages.add(new BertEmbeddings(config));
        for (int i = 0; i < config.layers(); i++) {
            stages.add(new BertLayer(config));
        }
        StageFlops flops = StageFlops.perLength((int) inputShape[0], length -> {
            long[] perStage = new long[stages.size()];
            Arrays.fill(perStage, 1, perStage.length, config.layerFlops(length));
            return perStage;
        });
        // Every stage outputs one hidden vector per token: no spatial grid.
        return new Backbone(stages, java.util.Collections.nCopies(stages.size(), StageOutput.vector(config.hidden())),
                new TokenPooling(pooling(spec)), flops);
    }

    @Override
    public Splits prepareInputs(Splits examples, ModelSpec spec, AssetAccess assets) {
        int length = maxLength(spec);
        Path file = assets.directory(checkpoint.assetId()).resolve(checkpoint.tokenizerFile());
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
                .optTokenizerPath(file)
                .optMaxLength(length)
                .optTruncation(true)
                .optPadToMaxLength()
                .build()) {
            boolean padToLongest = spec.options().path("padding").asText(PAD_TO_LONGEST).equals(PAD_TO_LONGEST);
            Splits prepared = examples.withInputs(set -> tokenize(set, tokenizer, length, padToLongest),
                    new long[] {length});
            double fill = ((TokenizedText) prepared.train()).fill();
            LOG.info("{}: training texts hold {} tokens on average, {}% of max-length {}", name(),
                    String.format(Locale.ROOT, "%.1f", fill * length), Math.round(100 * fill), length);
            return prepared;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer " + file, e);
        }
    }

    private TokenizedText tokenize(ExampleSet set, HuggingFaceTokenizer tokenizer, int length, boolean padToLongest) {
        if (!(set instanceof TextExamples texts)) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "model '" + name()
                    + "' reads text datasets; this dataset gives " + set.getClass().getSimpleName());
        }
        return TokenizedText.of(texts, tokenizer, length, padToLongest);
    }

    @Override
    public List<String> weightAssetIds(ModelSpec spec) {
        return List.of(checkpoint.assetId());
    }

    @Override
    public void loadPretrained(Backbone backbone, ModelSpec spec, AssetAccess assets, NDManager manager) {
        Path onnx = assets.directory(checkpoint.assetId()).resolve(checkpoint.onnxFile());
        BertWeights.load(backbone.stages(), BertWeights.read(onnx));
    }

    private BertConfig config(ModelSpec spec) {
        BertConfig c = checkpoint.config();
        float dropout = spec.options().has("dropout") ? (float) spec.options().get("dropout").asDouble() : c.dropout();
        return new BertConfig(c.vocabSize(), c.maxPositions(), c.typeVocabSize(), c.hidden(), c.layers(), c.heads(),
                c.intermediate(), dropout);
    }

    private TokenPooling.Mode pooling(ModelSpec spec) {
        return spec.options().has("pooling")
                ? TokenPooling.Mode.valueOf(spec.options().get("pooling").asText().toUpperCase(Locale.ROOT))
                : checkpoint.pooling();
    }

    private static int maxLength(ModelSpec spec) {
        return spec.intOption("max-length", DEFAULT_MAX_LENGTH);
    }
}
