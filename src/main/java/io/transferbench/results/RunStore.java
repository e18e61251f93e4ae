package io.transferbench.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.transferbench.BenchException;
import io.transferbench.IoReason;
import io.transferbench.Mappers;
import io.transferbench.suite.ResolvedSuite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One run's directory: {@code suite.resolved.yaml}, {@code env.json}, one record per cell under
 * {@code cells/}, and the CSVs derived from the records. Every file is written atomically, so a
 * run killed at any moment resumes from whole records only.
 */
public final class RunStore {

    private static final Logger LOG = LoggerFactory.getLogger(RunStore.class);

    private final Path dir;
    private final Path cells;
    /** The records on disk, by cell id; this process is the directory's only writer while it runs. */
    private final Map<String, CellRecord> records = new LinkedHashMap<>();

    private RunStore(Path dir) {
        this.dir = dir;
        this.cells = dir.resolve("cells");
    }

    /**
     * Opens a run directory for a suite, creating it or resuming it. Resuming with a different
     * configuration or on different hardware is refused: the records would no longer compare.
     */
    public static RunStore open(Path dir, ResolvedSuite suite, EnvironmentInfo env) {
        RunStore store = new RunStore(dir);
        try {
            Files.createDirectories(store.cells);
            store.removeTempFiles();
            byte[] resolved = Mappers.YAML.writeValueAsBytes(suite.tree());
            Path resolvedFile = dir.resolve("suite.resolved.yaml");
            if (Files.exists(resolvedFile)) {
                JsonNode before = Mappers.YAML.readTree(resolvedFile.toFile());
                if (!Mappers.canonical(before).equals(Mappers.canonical(suite.tree()))) {
                    throw new BenchException(BenchException.EXIT_BAD_INPUT, dir + " holds a run of a different"
                            + " configuration (compare its suite.resolved.yaml); choose another --run-id or --out");
                }
            } else {
                AtomicFiles.write(resolvedFile, resolved);
            }
            Path envFile = dir.resolve("env.json");
            if (Files.exists(envFile)) {
                EnvironmentInfo before = Mappers.RECORDS.readValue(envFile.toFile(), EnvironmentInfo.class);
                if (!before.hardwareKey().equals(env.hardwareKey())) {
                    throw new BenchException(BenchException.EXIT_BAD_INPUT, dir + " was started on other hardware ("
                            + before.hardwareKey() + ", now " + env.hardwareKey()
                            + "); resuming would mix machines in one result set. Choose another --run-id");
                }
            } else {
                AtomicFiles.write(envFile, Mappers.RECORDS.writeValueAsBytes(env));
            }
            store.load();
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "cannot use run directory " + dir + ": " + IoReason.of(e), e);
        }
        return store;
    }

    public Path dir() {
        return dir;
    }

    /** The records written so far, by cell id. */
    public Map<String, CellRecord> records() {
        return java.util.Collections.unmodifiableMap(records);
    }

    private void load() {
        readRecords(dir).forEach(r -> records.put(r.cellId(), r));
    }

    /**
     * The records of a run directory in grid order. An unreadable record is skipped with a warning:
     * a resumed run trains its cell again, and a report leaves it out.
     */
    public static List<CellRecord> readRecords(Path runDir) {
        return readRecordSet(runDir).records();
    }

    /** The records of a run directory in grid order, with the files that are not readable records. */
    public static RecordSet readRecordSet(Path runDir) {
        Path cells = runDir.resolve("cells");
        List<CellRecord> read = new ArrayList<>();
        List<RecordSet.Unreadable> unreadable = new ArrayList<>();
        try (Stream<Path> files = Files.list(cells)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try {
                    read.add(Mappers.RECORDS.readValue(f.toFile(), CellRecord.class));
                } catch (IOException e) {
                    String reason = firstLine(e instanceof JacksonException j ? j.getOriginalMessage() : IoReason.of(e));
                    LOG.warn("ignoring unreadable record {} ({})", f, reason);
                    unreadable.add(new RecordSet.Unreadable(f.getFileName().toString(), reason));
                }
            }
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "cannot read " + cells + ": " + IoReason.of(e), e);
        }
        read.sort(Comparator.comparingInt(CellRecord::index));
        return new RecordSet(read, unreadable);
    }

    private static String firstLine(String text) {
        return text == null ? "unreadable" : text.lines().findFirst().orElse("empty file");
    }

    /** Writes a cell's record, then regenerates the CSVs from all records. */
    public void write(CellRecord record, List<String> extraAxes) {
        try {
            AtomicFiles.write(cells.resolve(record.cellId() + ".json"), Mappers.RECORDS.writeValueAsBytes(record));
            records.put(record.cellId(), record);
            List<CellRecord> all = new ArrayList<>(records.values());
            all.sort(Comparator.comparingInt(CellRecord::index));
            CsvExport.writeTo(dir, all, extraAxes);
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "cannot write results to " + dir + ": " + IoReason.of(e), e);
        }
    }

    private void removeTempFiles() throws IOException {
        for (Path d : List.of(dir, cells)) {
            try (Stream<Path> files = Files.list(d)) {
                for (Path f : files.filter(p -> p.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX)).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }
}
