package io.transferbench.models.bert;

import io.transferbench.BenchException;
import io.transferbench.assets.LocalFiles;
import io.transferbench.spec.ModelSpec;
import io.transferbench.spec.Rule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's BERT encoder, exported to ONNX as Hugging Face's exporters write it:
 * {@code model.options.path} names the {@code .onnx} file; its {@code tokenizer.json} and
 * {@code config.json} sit beside it unless {@code tokenizer} and {@code config} name others
 * (relative to the ONNX file's folder). All three are digested into the cell ids.
 */
final class LocalBertSource implements BertSource {

    /** Positions no BERT checkpoint exceeds; the checkpoint's own limit is checked once its config is read. */
    private static final int POSITIONS_BOUND = 8192;

    @Override
    public String name() {
        return "bert-onnx";
    }

    @Override
    public String description() {
        return "your BERT-family encoder: ONNX export with tokenizer.json and config.json (model.options.path)";
    }

    @Override
    public void addOptions(Rule.ObjectRule.Builder options) {
        options.required("path", Rule.text(".+\\.onnx", "a path to an .onnx file"))
                .optional("tokenizer", Rule.text(".+", "a path to tokenizer.json"), "tokenizer.json")
                .optional("config", Rule.text(".+", "a path to config.json"), "config.json");
    }

    @Override
    public int maxLengthBound() {
        return POSITIONS_BOUND;
    }

    @Override
    public TokenPooling.Mode defaultPooling() {
        return TokenPooling.Mode.MEAN;
    }

    @Override
    public BertCheckpoint checkpoint(ModelSpec spec) {
        ExportFiles files = ExportFiles.of(spec);
        BertConfig config = HfBertConfig.read(files.config());
        return new BertCheckpoint(name(), description(), new BertCheckpoint.AssetFile(LocalFiles.id(files.onnx()), ""),
                new BertCheckpoint.AssetFile(LocalFiles.id(files.tokenizer()), ""), config, defaultPooling());
    }

    @Override
    public int layers(ModelSpec spec) {
        try {
            return HfBertConfig.read(ExportFiles.of(spec).config()).layers();
        } catch (BenchException e) {
            // checkFiles reports it once the final suite is known; any depth is a valid freeze until then.
            return POSITIONS_BOUND;
        }
    }

    @Override
    public List<String> checkFiles(ModelSpec spec) {
        ExportFiles files = ExportFiles.of(spec);
        List<String> problems = new ArrayList<>();
        for (Path p : List.of(files.onnx(), files.tokenizer())) {
            LocalFiles.notAFile(p).ifPresent(problems::add);
        }
        try {
            BertConfig config = HfBertConfig.read(files.config());
            int length = spec.intOption("max-length", 0);
            if (length > config.maxPositions()) {
                problems.add("max-length " + length + " is more than the " + config.maxPositions()
                        + " positions of " + files.config());
            }
        } catch (BenchException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    @Override
    public boolean local() {
        return true;
    }

    @Override
    public List<String> assetIds(ModelSpec spec) {
        ExportFiles files = ExportFiles.of(spec);
        return List.of(LocalFiles.id(files.onnx()), LocalFiles.id(files.tokenizer()), LocalFiles.id(files.config()));
    }

    /** The three files a suite's options name. */
    private record ExportFiles(Path onnx, Path tokenizer, Path config) {
        static ExportFiles of(ModelSpec spec) {
            Path onnx = Path.of(spec.options().path("path").asText());
            Path folder = onnx.toAbsolutePath().getParent();
            return new ExportFiles(onnx, folder.resolve(spec.options().path("tokenizer").asText("tokenizer.json")),
                    folder.resolve(spec.options().path("config").asText("config.json")));
        }
    }
}
