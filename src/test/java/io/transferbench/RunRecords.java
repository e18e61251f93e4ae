package io.transferbench;

import io.transferbench.results.CellRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A run directory's records as tests compare them. */
public final class RunRecords {

    private RunRecords() {}

    /** The records by cell id. */
    public static Map<String, CellRecord> of(Path runDir) {
        Map<String, CellRecord> records = new TreeMap<>();
        try (Stream<Path> files = Files.list(runDir.resolve("cells"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                CellRecord r = Mappers.RECORDS.readValue(f.toFile(), CellRecord.class);
                records.put(r.cellId(), r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    /** What must be identical between two runs of the same cell: everything but clocks and memory. */
    public static String results(CellRecord r) {
        try {
            return r.status() + " " + Mappers.SUITE.writeValueAsString(r.val()) + " "
                    + Mappers.SUITE.writeValueAsString(r.test()) + " " + Mappers.SUITE.writeValueAsString(r.testPerClass())
                    + " " + r.bestEpoch() + " " + r.curve().stream()
                    .map(p -> p.phase() + p.epoch() + ":" + p.trainLoss() + "/" + p.valLoss() + "/" + p.val() + "/" + p.lr())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #results} of every cell, by cell id. */
    public static Map<String, String> resultsOf(Path runDir) {
        Map<String, String> results = new TreeMap<>();
        of(runDir).forEach((id, r) -> results.put(id, results(r)));
        return results;
    }
}
