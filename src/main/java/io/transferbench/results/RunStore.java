package io.transferbench.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import io.transferbench.BenchException;
import io.transferbench.IoReason;
import io.transferbench.Mappers;
import io.transferbench.suite.Cell;
import io.transferbench.suite.ConfigSchema;
import io.transferbench.suite.ResolvedSuite;
import io.transferbench.suite.SettingsDiff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
    /** False for a worker's view: it writes records, and the coordinator keeps the CSVs. */
    private final boolean keepsCsvs;
    /** The records on disk, by cell id; this process is the directory's only writer while it runs. */
    private final Map<String, CellRecord> records = new LinkedHashMap<>();

    private RunStore(Path dir, boolean keepsCsvs) {
        this.dir = dir;
        this.cells = dir.resolve("cells");
        this.keepsCsvs = keepsCsvs;
    }

    /**
     * A worker's view of a run directory its coordinator opened: it writes cell records, and
     * neither checks nor cleans the directory nor touches the CSVs, which other writers share.
     */
    public static RunStore attach(Path dir) {
        if (!Files.isDirectory(dir.resolve("cells")) || !Files.isRegularFile(dir.resolve(RunManifest.FILE))) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, dir + " is not an opened run directory");
        }
        return new RunStore(dir, false);
    }

    /**
     * Opens a run directory for a suite, creating it or resuming it. Resuming is refused when the
     * records could no longer stand beside the new ones: another configuration, another config
     * version (an older harness's implicit settings), cells this plan does not hold (other assets
     * or settings), or other hardware.
     *
     * @param plan the cells this run will hold, in grid order
     */
    public static RunStore open(Path dir, ResolvedSuite suite, List<Cell> plan, EnvironmentInfo env) {
        RunStore store = new RunStore(dir, true);
        try {
            Files.createDirectories(store.cells);
            store.removeTempFiles();
            store.load();
            Path resolvedFile = dir.resolve("suite.resolved.yaml");
            Path manifestFile = dir.resolve(RunManifest.FILE);
            if (Files.exists(manifestFile) || Files.exists(resolvedFile)) {
                int version = Files.exists(manifestFile)
                        ? Mappers.RECORDS.readValue(manifestFile.toFile(), RunManifest.class).configSchema()
                        : ConfigSchema.UNVERSIONED;
                if (version != ConfigSchema.CURRENT) {
                    throw refusal(dir, "holds records of config version " + version + " (an older harness, whose"
                            + " unwritten defaults differ from this one's); this harness writes version "
                            + ConfigSchema.CURRENT + " and would mix the two in one result set"
                            + store.differencesFrom(plan, r -> true));
                }
                JsonNode before = Mappers.YAML.readTree(resolvedFile.toFile());
                Map<String, List<String>> suiteDiff = SettingsDiff.of(List.of(before, suite.tree()));
                if (!suiteDiff.isEmpty()) {
                    throw refusal(dir, "holds a run of a different configuration: "
                            + SettingsDiff.describe(suiteDiff, 8) + " (before vs now)");
                }
                Set<String> planned = plan.stream().map(Cell::id).collect(Collectors.toSet());
                if (!planned.containsAll(store.records.keySet())) {
                    throw refusal(dir, "holds cells this plan does not: the same suite now gives other cells"
                            + " (other asset digests or settings)"
                            + store.differencesFrom(plan, r -> !planned.contains(r.cellId())));
                }
            } else {
                AtomicFiles.write(manifestFile, Mappers.RECORDS.writeValueAsBytes(RunManifest.now(suite.profile())));
                AtomicFiles.write(resolvedFile, Mappers.YAML.writeValueAsBytes(suite.tree()));
            }
            AtomicFiles.write(dir.resolve(RunPlan.FILE), Mappers.RECORDS.writeValueAsBytes(new RunPlan(plan.stream()
                    .map(c -> new RunPlan.PlannedCell(c.id(), c.index(), c.label())).toList())));
            Path envFile = dir.resolve("env.json");
            if (Files.exists(envFile)) {
                EnvironmentInfo before = Mappers.RECORDS.readValue(envFile.toFile(), EnvironmentInfo.class);
                if (!before.hardwareKey().equals(env.hardwareKey())) {
                    throw refusal(dir, "was started on other hardware (" + before.hardwareKey() + ", now "
                            + env.hardwareKey() + "); resuming would mix machines in one result set");
                }
            } else {
                AtomicFiles.write(envFile, Mappers.RECORDS.writeValueAsBytes(env));
            }
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "cannot use run directory " + dir + ": " + IoReason.of(e), e);
        }
        return store;
    }

    private static BenchException refusal(Path dir, String why) {
        return new BenchException(BenchException.EXIT_BAD_INPUT, dir + " " + why
                + ". Nothing was written; choose another --run-id or --out for this run");
    }

    /** How the first chosen record differs in its settings from the planned cell at its grid position. */
    private String differencesFrom(List<Cell> plan, java.util.function.Predicate<CellRecord> chosen) {
        for (CellRecord r : records.values()) {
            if (!chosen.test(r) || r.index() < 0 || r.index() >= plan.size()) {
                continue;
            }
            Cell now = plan.get(r.index());
            Map<String, List<String>> settings = SettingsDiff.of(List.of(r.config(),
                    Mappers.SUITE.valueToTree(now.spec())));
            String text = "; cell " + r.index() + " (" + r.label() + ") differs";
            if (!settings.isEmpty()) {
                text += " in " + SettingsDiff.describe(settings, 6) + " (recorded vs now)";
            }
            return text;
        }
        return "";
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
    public synchronized void write(CellRecord record, List<String> extraAxes) {
        write(record, Map.of(), extraAxes);
    }

    /**
     * Writes the files that go beside a cell's record (paths relative to the run directory), then
     * the record, then regenerates the CSVs: a record on disk always has its files.
     */
    public synchronized void write(CellRecord record, Map<String, byte[]> files, List<String> extraAxes) {
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = dir.resolve(file.getKey()).normalize();
                if (!target.startsWith(dir.normalize())) {
                    throw new IllegalArgumentException("file " + file.getKey() + " lies outside the run directory");
                }
                Files.createDirectories(target.getParent());
                AtomicFiles.write(target, file.getValue());
            }
            AtomicFiles.write(cells.resolve(record.cellId() + ".json"), Mappers.RECORDS.writeValueAsBytes(record));
            records.put(record.cellId(), record);
            if (keepsCsvs) {
                writeCsvs(extraAxes);
            }
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "cannot write results to " + dir + ": " + IoReason.of(e), e);
        }
    }

    /**
     * Takes in the record another process (a worker) wrote for a cell, and regenerates the CSVs;
     * null when there is no readable record.
     */
    public synchronized CellRecord adopt(String cellId, List<String> extraAxes) {
        Path file = cells.resolve(cellId + ".json");
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            CellRecord record = Mappers.RECORDS.readValue(file.toFile(), CellRecord.class);
            records.put(cellId, record);
            writeCsvs(extraAxes);
            return record;
        } catch (IOException e) {
            LOG.warn("cannot read the record {} a worker wrote ({})", file, e.getMessage());
            return null;
        }
    }

    /** Where running cells are marked: {@code running/<cell-id>} holds the process that runs it. */
    public Path runningDir() {
        return dir.resolve("running");
    }

    /** Marks a cell as running in this process, so that others (a status command, a test) can see it. */
    public void markRunning(String cellId) {
        try {
            AtomicFiles.write(runningDir().resolve(cellId), (ProcessHandle.current().pid() + " "
                    + java.time.Instant.now() + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("cannot mark cell {} as running: {}", cellId, e.getMessage());
        }
    }

    /** Removes a running mark: the cell has its record, or its process died. */
    public void clearRunning(String cellId) {
        try {
            Files.deleteIfExists(runningDir().resolve(cellId));
        } catch (IOException e) {
            LOG.warn("cannot clear the running mark of cell {}: {}", cellId, e.getMessage());
        }
    }

    private void writeCsvs(List<String> extraAxes) throws IOException {
        List<CellRecord> all = new ArrayList<>(records.values());
        all.sort(Comparator.comparingInt(CellRecord::index));
        CsvExport.writeTo(dir, all, extraAxes);
    }

    private void removeTempFiles() throws IOException {
        for (Path d : List.of(dir, cells)) {
            try (Stream<Path> files = Files.list(d)) {
                for (Path f : files.filter(p -> p.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX)).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
        if (Files.isDirectory(runningDir())) {
            try (Stream<Path> marks = Files.list(runningDir())) {
                for (Path mark : marks.toList()) {
                    if (!runningProcessAlive(mark)) {
                        Files.deleteIfExists(mark);
                    }
                }
            }
        }
    }

    /** Whether the process a running mark names is still alive (a mark from a killed run is not). */
    static boolean runningProcessAlive(Path mark) {
        try {
            String pid = Files.readString(mark).trim().split("\\s+")[0];
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
