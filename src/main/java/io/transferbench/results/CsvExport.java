package io.transferbench.results;

import com.fasterxml.jackson.databind.JsonNode;
import io.transferbench.suite.FieldPath;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code results.csv} (one row per cell) and {@code curves.csv} (one row per epoch per cell),
 * always regenerated from the records so they can never disagree with them.
 */
public final class CsvExport {

    static final String RESULTS = "results.csv";
    static final String CURVES = "curves.csv";

    private CsvExport() {}

    /** Writes both CSVs of a run directory from its records (in grid order). */
    public static void writeTo(Path runDir, List<CellRecord> records, List<String> extraAxes) throws IOException {
        AtomicFiles.write(runDir.resolve(RESULTS), results(records, extraAxes).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(runDir.resolve(CURVES), curves(records).getBytes(StandardCharsets.UTF_8));
    }

    /** The grid's axes beyond the standard ones, which become CSV columns, by name. */
    public static List<String> extraAxes(JsonNode grid) {
        List<String> axes = new ArrayList<>();
        grid.fieldNames().forEachRemaining(k -> {
            if (k.contains(".")) {
                axes.add(k);
            }
        });
        return axes.stream().sorted().toList();
    }

    public static String results(List<CellRecord> records, List<String> extraAxes) {
        TreeSet<String> metrics = new TreeSet<>();
        records.forEach(r -> {
            if (r.val() != null) {
                metrics.addAll(r.val().keySet());
            }
        });
        List<String> header = new ArrayList<>(List.of("cell_id", "index", "status", "strategy", "freeze", "schedule",
                "lr", "layer_decay", "seed"));
        extraAxes.forEach(header::add);
        metrics.forEach(m -> header.add("val_" + m));
        metrics.forEach(m -> header.add("test_" + m));
        List<String> otherTests = otherTestNames(records);
        otherTests.forEach(t -> metrics.forEach(m -> header.add(t + "_" + m)));
        header.addAll(List.of("best_epoch", "wall_seconds", "train_seconds", "time_to_target_seconds",
                "train_samples_per_second", "eval_samples_per_second", "peak_rss_mb", "params_total",
                "params_trainable", "train_flops_per_sample", "achieved_train_gflops", "device", "reason"));
        return print(header, printer -> {
            for (CellRecord r : records) {
                List<Object> row = new ArrayList<>();
                JsonNode c = r.config();
                row.addAll(List.of(r.cellId(), r.index(), r.status(), c.path("strategy").asText(),
                        c.path("freeze").asText(), c.path("schedule").asText(), c.path("lr").asText(),
                        c.path("layer-decay").asText(), r.seed()));
                for (String axis : extraAxes) {
                    row.add(FieldPath.text(c, axis));
                }
                metrics.forEach(m -> row.add(value(r.val() == null ? null : r.val().get(m))));
                metrics.forEach(m -> row.add(value(r.test() == null ? null : r.test().get(m))));
                for (String t : otherTests) {
                    TestScores scores = r.otherTests().get(t);
                    metrics.forEach(m -> row.add(value(scores == null ? null : scores.metrics().get(m))));
                }
                row.addAll(List.of(r.bestEpoch(), value(r.wallSeconds()), value(r.trainSeconds()),
                        value(r.timeToTargetSeconds()), value(r.trainSamplesPerSecond()),
                        value(r.evalSamplesPerSecond()),
                        r.peakRssBytes() == null ? "" : String.format("%.1f", r.peakRssBytes() / 1048576.0),
                        r.paramsTotal(), r.paramsTrainable(), value(r.trainFlopsPerSample()),
                        r.achievedTrainFlopsPerSecond() == null ? ""
                                : String.format("%.3f", r.achievedTrainFlopsPerSecond() / 1e9),
                        r.device(), r.reason() == null ? "" : r.reason()));
                printer.printRecord(row);
            }
        });
    }

    /** The further evaluation sets any record has, in first-seen order. */
    private static List<String> otherTestNames(List<CellRecord> records) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        records.forEach(r -> names.addAll(r.otherTests().keySet()));
        return List.copyOf(names);
    }

    public static String curves(List<CellRecord> records) {
        TreeSet<String> metrics = new TreeSet<>();
        records.forEach(r -> r.curve().forEach(p -> metrics.addAll(p.val().keySet())));
        List<String> header = new ArrayList<>(List.of("cell_id", "phase", "epoch", "train_loss", "lr", "elapsed_seconds",
                "rss_bytes", "train_samples_per_second"));
        metrics.forEach(m -> header.add("val_" + m));
        return print(header, printer -> {
            for (CellRecord r : records) {
                for (EpochPoint p : r.curve()) {
                    List<Object> row = new ArrayList<>(List.of(r.cellId(), p.phase(), p.epoch(), value(p.trainLoss()),
                            value(p.lr()), value(p.elapsedSeconds()), value(p.rssBytes()),
                            value(p.trainSamplesPerSecond())));
                    metrics.forEach(m -> row.add(value(p.val().get(m))));
                    printer.printRecord(row);
                }
            }
        });
    }

    private static String value(Number n) {
        if (n == null || (n instanceof Double d && d.isNaN())) {
            return "";
        }
        return n instanceof Double || n instanceof Float ? String.format("%.6g", n.doubleValue()) : n.toString();
    }

    private interface Rows {
        void write(CSVPrinter printer) throws IOException;
    }

    private static String print(List<String> header, Rows rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).build()
                .print(out)) {
            rows.write(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
