package io.transferbench.data.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.transferbench.IoReason;
import io.transferbench.Mappers;
import io.transferbench.assets.LocalFiles;
import io.transferbench.data.SplitPlan;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A table of the user's labelled texts: CSV or TSV with a header row (read with Commons CSV), or
 * JSON Lines (one object per line), by the file's extension. The columns holding the text, the
 * label and optionally the split ({@code train}, {@code val}, {@code test}) are named by the
 * suite. A row without text or label, or a JSON line that does not parse, is skipped and
 * counted; a missing column, a split value other than the three, or fewer than two labels make
 * the table unusable ({@link #problems()}, naming the file and line).
 *
 * @param classNames the distinct labels, sorted (by value where every label is a number)
 * @param rows the usable rows, in file order
 */
record TextTable(List<String> classNames, List<Row> rows, long skipped, List<String> problems) {

    /** One usable row: its text, label index, and the split it names (null without a split column). */
    record Row(String text, int label, SplitPlan.Assigned split) {}

    /** The columns a suite names. */
    record Columns(String text, String label, String split) {}

    static final List<String> EXTENSIONS = List.of(".csv", ".tsv", ".jsonl");

    /** A row as read; {@code where} names it for errors (a CSV row, a JSON line). */
    private record Raw(String where, String text, String label, String split) {}

    static TextTable read(Path file, Columns columns) {
        List<String> problems = new ArrayList<>();
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        Optional<String> notAFile = LocalFiles.notAFile(file);
        if (notAFile.isPresent()) {
            return new TextTable(List.of(), List.of(), 0, List.of(notAFile.get()));
        }
        List<Raw> raw = new ArrayList<>();
        long[] skipped = {0};
        try {
            if (name.endsWith(".jsonl")) {
                readJsonLines(file, columns, raw, skipped, problems);
            } else if (name.endsWith(".csv") || name.endsWith(".tsv")) {
                readDelimited(file, name.endsWith(".tsv") ? CSVFormat.TDF : CSVFormat.DEFAULT, columns, raw, problems);
            } else {
                problems.add(file + ": unknown table format; the file name must end with one of " + EXTENSIONS);
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add(file + ": cannot read: " + IoReason.of(e));
        }
        return problems.isEmpty() ? of(file, raw, skipped[0], columns, problems)
                : new TextTable(List.of(), List.of(), 0, problems);
    }

    private static void readDelimited(Path file, CSVFormat base, Columns columns, List<Raw> raw,
                                      List<String> problems) throws IOException {
        CSVFormat format = base.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = format.parse(in)) {
            List<String> header = parser.getHeaderNames();
            for (String column : named(columns)) {
                if (!header.contains(column)) {
                    problems.add(file + ": no column '" + column + "'; its header has " + header);
                }
            }
            if (!problems.isEmpty()) {
                return;
            }
            for (CSVRecord record : parser) {
                raw.add(new Raw("row " + record.getRecordNumber(), field(record, columns.text()),
                        field(record, columns.label()), columns.split() == null ? null : field(record, columns.split())));
            }
        } catch (UncheckedIOException e) {
            // Commons CSV reports malformed quoting this way, with the line it reached.
            problems.add(file + ": not valid " + (base == CSVFormat.TDF ? "TSV" : "CSV") + ": " + IoReason.of(e));
        }
    }

    private static String field(CSVRecord record, String column) {
        return record.isSet(column) ? record.get(column) : null;
    }

    private static void readJsonLines(Path file, Columns columns, List<Raw> raw, long[] skipped,
                                      List<String> problems) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode row;
            try {
                row = Mappers.RECORDS.readTree(lines.get(i));
            } catch (JsonProcessingException e) {
                skipped[0]++;
                continue;
            }
            if (!row.isObject()) {
                skipped[0]++;
                continue;
            }
            row.fieldNames().forEachRemaining(seen::add);
            raw.add(new Raw("line " + (i + 1), text(row, columns.text()), text(row, columns.label()),
                    columns.split() == null ? null : text(row, columns.split())));
        }
        for (String column : named(columns)) {
            if (!raw.isEmpty() && !seen.contains(column)) {
                problems.add(file + ": no row has the field '" + column + "'; its rows have " + seen);
            }
        }
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static List<String> named(Columns columns) {
        List<String> named = new ArrayList<>(List.of(columns.text(), columns.label()));
        if (columns.split() != null) {
            named.add(columns.split());
        }
        return named;
    }

    private static TextTable of(Path file, List<Raw> raw, long skipped, Columns columns, List<String> problems) {
        List<Raw> usable = new ArrayList<>();
        for (Raw r : raw) {
            if (r.text() == null || r.text().isBlank() || r.label() == null || r.label().isBlank()) {
                skipped++;
            } else if (r.split() != null && !SPLITS.containsKey(r.split().trim().toLowerCase(Locale.ROOT))) {
                problems.add(file + ": " + r.where() + ": split '" + r.split() + "' in column '" + columns.split()
                        + "' is none of train, val, test");
                return new TextTable(List.of(), List.of(), 0, problems);
            } else {
                usable.add(r);
            }
        }
        TreeSet<String> labels = new TreeSet<>(labelOrder(usable));
        usable.forEach(r -> labels.add(r.label().trim()));
        if (labels.size() < 2) {
            problems.add(file + ": column '" + columns.label() + "' holds " + (labels.isEmpty() ? "no labels"
                    : "one label " + labels) + " in its usable rows; a classifier needs at least two");
        }
        if (columns.split() != null && usable.stream().noneMatch(r -> SPLITS.get(split(r)) == SplitPlan.Assigned.TRAIN)) {
            problems.add(file + ": column '" + columns.split() + "' names no row 'train'");
        }
        if (columns.split() != null && usable.stream().noneMatch(r -> SPLITS.get(split(r)) == SplitPlan.Assigned.TEST)) {
            problems.add(file + ": column '" + columns.split() + "' names no row 'test'");
        }
        if (!problems.isEmpty()) {
            return new TextTable(List.of(), List.of(), 0, problems);
        }
        List<String> classNames = List.copyOf(labels);
        List<Row> rows = usable.stream().map(r -> new Row(r.text(), classNames.indexOf(r.label().trim()),
                r.split() == null ? null : SPLITS.get(split(r)))).toList();
        return new TextTable(classNames, rows, skipped, List.of());
    }

    private static final Map<String, SplitPlan.Assigned> SPLITS = Map.of("train", SplitPlan.Assigned.TRAIN,
            "val", SplitPlan.Assigned.VAL, "test", SplitPlan.Assigned.TEST);

    private static String split(Raw r) {
        return r.split().trim().toLowerCase(Locale.ROOT);
    }

    /** Numeric labels by value (2 before 10), others as text. */
    private static Comparator<String> labelOrder(List<Raw> rows) {
        boolean numeric = rows.stream().allMatch(r -> r.label().trim().matches("-?\\d+(\\.\\d+)?"));
        return numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
    }
}
