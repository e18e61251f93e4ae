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
import io.transferbench.weights.OnnxReader;
import io.transferbench.weights.OnnxRewrite;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
    /** BERT's {@code hidden_dropout_prob}, which every checkpoint here was trained with. */
    private static final double DEFAULT_DROPOUT = 0.1;

    private final BertSource source;

    BertFamily(BertSource source) {
        this.source = source;
    }

    /** A family of one locked checkpoint. */
    BertFamily(BertCheckpoint checkpoint) {
        this(new BertSource.Locked(checkpoint));
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public String description() {
        return source.description();
    }

    @Override
    public String inputKind() {
        return "text";
    }

    @Override
    public Rule.ObjectRule optionsRule() {
        Rule.ObjectRule.Builder options = Rule.object();
        source.addOptions(options);
        return options
                .optional("max-length", Rule.integer(8, source.maxLengthBound()), DEFAULT_MAX_LENGTH)
                .optional("padding", Rule.choice("a padding", List.of(PAD_TO_LONGEST, "max-length")), PAD_TO_LONGEST)
                .optional("pooling", Rule.choice("a pooling", List.of("mean", "cls")),
                        source.defaultPooling().name().toLowerCase(Locale.ROOT))
                .optional("dropout", Rule.number(0, true, 1, false), DEFAULT_DROPOUT)
                .build();
    }

    @Override
    public int stageCount(ModelSpec spec) {
        return source.layers(spec) + 1;
    }

    @Override
    public boolean readsLocalFiles() {
        return source.local();
    }

    @Override
    public List<String> checkFiles(ModelSpec spec) {
        return source.checkFiles(spec);
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
        Path file = source.checkpoint(spec).tokenizer().in(assets);
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
        return source.assetIds(spec);
    }

    @Override
    public void loadPretrained(Backbone backbone, ModelSpec spec, AssetAccess assets, NDManager manager) {
        Path onnx = source.checkpoint(spec).onnx().in(assets);
        BertWeights.load(backbone.stages(), BertWeights.read(onnx));
    }

    /**
     * {@code model.onnx} (the checkpoint's graph with the trained initializers), its
     * {@code tokenizer.json} and a Hugging Face {@code config.json}: what {@code bert-onnx} reads.
     */
    @Override
    public List<String> exportInSourceFormat(List<Block> stages, ModelSpec spec, AssetAccess assets, Path dir) {
        BertCheckpoint checkpoint = source.checkpoint(spec);
        Path onnx = checkpoint.onnx().in(assets);
        try {
            Files.createDirectories(dir);
            OnnxRewrite.write(onnx, dir.resolve("model.onnx"), BertWeights.toOnnx(stages, OnnxReader.read(onnx)));
            Files.copy(checkpoint.tokenizer().in(assets), dir.resolve("tokenizer.json"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(dir.resolve("config.json"), HfBertConfig.json(config(spec)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the export into " + dir, e);
        }
        return List.of("model.onnx", "tokenizer.json", "config.json");
    }

    private BertConfig config(ModelSpec spec) {
        BertConfig c = source.checkpoint(spec).config();
        return spec.options().has("dropout") ? c.withDropout((float) spec.options().get("dropout").asDouble()) : c;
    }

    private TokenPooling.Mode pooling(ModelSpec spec) {
        return spec.options().has("pooling")
                ? TokenPooling.Mode.valueOf(spec.options().get("pooling").asText().toUpperCase(Locale.ROOT))
                : source.defaultPooling();
    }

    private static int maxLength(ModelSpec spec) {
        return spec.intOption("max-length", DEFAULT_MAX_LENGTH);
    }
}
