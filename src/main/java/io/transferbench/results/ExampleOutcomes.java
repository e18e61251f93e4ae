package io.transferbench.results;

import io.transferbench.IoReason;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Each test example's true and predicted class, in the test split's order: what a bootstrap
 * over test examples needs, and the same for every cell of a dataset, so two configurations can
 * be resampled together. Kept beside the cell's record as {@code cells/<id>/test-outcomes.csv}.
 */
public record ExampleOutcomes(int[] truth, int[] predicted) {

    public ExampleOutcomes {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true classes but " + predicted.length + " predictions");
        }
    }

    /** The file's path relative to the run directory. */
    public static String file(String cellId) {
        return PredictionPicture.directoryOf(cellId) + "/test-outcomes.csv";
    }

    public int size() {
        return truth.length;
    }

    public byte[] csv() {
        StringBuilder out = new StringBuilder("truth,predicted\n");
        for (int i = 0; i < truth.length; i++) {
            out.append(truth[i]).append(',').append(predicted[i]).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The outcomes recorded beside a cell's record; empty when the cell has none (older harnesses, other tasks). */
    public static Optional<ExampleOutcomes> read(Path runDir, String cellId) {
        Path file = runDir.resolve(file(cellId));
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            List<CSVRecord> rows = csv.getRecords();
            int[] truth = new int[rows.size()];
            int[] predicted = new int[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                truth[i] = Integer.parseInt(rows.get(i).get("truth"));
                predicted[i] = Integer.parseInt(rows.get(i).get("predicted"));
            }
            return Optional.of(new ExampleOutcomes(truth, predicted));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("unreadable " + file + ": " + (e instanceof IOException io ? IoReason.of(io)
                    : e.getMessage()), e);
        }
    }
}
