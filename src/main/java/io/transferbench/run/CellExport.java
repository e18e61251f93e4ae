package io.transferbench.run;

import io.transferbench.BenchException;
import io.transferbench.HarnessVersion;
import io.transferbench.IoReason;
import io.transferbench.Mappers;
import io.transferbench.results.AtomicFiles;
import io.transferbench.results.CellRecord;
import io.transferbench.train.TransferNetwork;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cell's trained network, as {@code bench export} writes it: the cell is trained again from its
 * record's settings (cells are deterministic on one machine and harness), its chosen weights are
 * saved in DJL's parameter format ({@code weights.params}: the backbone's stages, then the task
 * head, as {@code Block.loadParameters} reads them into the same network), the backbone in the
 * format its pretrained weights came in where the model family can write it (a BERT encoder as
 * ONNX with its tokenizer and config), and {@code export.json} says what they are: the cell, its settings, classes, assets and harness,
 * and whether the retrained test scores equal the recorded ones.
 *
 * @param reproduced whether every recorded test metric came out the same (to 1e-9)
 */
public record CellExport(Path dir, String cellId, boolean reproduced, Map<String, Double> recorded,
                         Map<String, Double> retrained) {

    static final String WEIGHTS = "weights.params";
    static final String DESCRIPTION = "export.json";

    static void saveWeights(TransferNetwork net, Path dir) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                net.saveParameters(out);
            }
            Files.createDirectories(dir);
            AtomicFiles.write(dir.resolve(WEIGHTS), bytes.toByteArray());
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, dir + ": cannot write the weights: "
                    + IoReason.of(e), e);
        }
    }

    static CellExport describe(Path dir, CellRecord recorded, CellRecord retrained, List<String> classNames,
                               long[] inputShape, List<String> sourceFormat) {
        boolean same = retrained.test() != null && recorded.test() != null
                && recorded.test().keySet().equals(retrained.test().keySet())
                && recorded.test().entrySet().stream().allMatch(e ->
                        Math.abs(e.getValue() - retrained.test().get(e.getKey())) <= 1e-9);
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("cell_id", recorded.cellId());
        description.put("label", recorded.label());
        description.put("weights", WEIGHTS);
        description.put("format", "DJL Block.saveParameters of the TransferNetwork (backbone stages, then the "
                + "task head); build the network from the config with the same harness and call loadParameters");
        description.put("source_format", sourceFormat.isEmpty()
                ? "not written: the harness cannot write this model's source format" : sourceFormat);
        description.put("config", recorded.config());
        description.put("config_schema", recorded.configSchema());
        description.put("class_names", classNames);
        description.put("input_shape", inputShape);
        description.put("assets", recorded.assets());
        description.put("recorded_test", recorded.test());
        description.put("retrained_test", retrained.test());
        description.put("reproduced", same);
        description.put("recorded_on", recorded.device() + ", harness as the run's env.json says");
        description.put("exported_by", HarnessVersion.current());
        try {
            AtomicFiles.write(dir.resolve(DESCRIPTION), Mappers.RECORDS.writeValueAsBytes(description));
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, dir + ": cannot write " + DESCRIPTION + ": "
                    + IoReason.of(e), e);
        }
        return new CellExport(dir, recorded.cellId(), same, recorded.test(), retrained.test());
    }
}
