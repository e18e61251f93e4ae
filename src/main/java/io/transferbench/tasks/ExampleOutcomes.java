package io.transferbench.tasks;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Each test example's true and predicted class, in the test split's order: what a bootstrap
 * over test examples needs, and the same for every cell of a dataset, so two configurations can
 * be resampled together. Runs keep them beside the cell's record ({@code results.TestOutcomesFile}).
 */
public record ExampleOutcomes(int[] truth, int[] predicted) {

    public ExampleOutcomes {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true classes but " + predicted.length + " predictions");
        }
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

    /** Outcomes as {@link #csv} writes them. */
    public static ExampleOutcomes parse(Reader in) throws IOException {
        try (CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            List<CSVRecord> rows = csv.getRecords();
            int[] truth = new int[rows.size()];
            int[] predicted = new int[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                truth[i] = Integer.parseInt(rows.get(i).get("truth"));
                predicted[i] = Integer.parseInt(rows.get(i).get("predicted"));
            }
            return new ExampleOutcomes(truth, predicted);
        }
    }
}
