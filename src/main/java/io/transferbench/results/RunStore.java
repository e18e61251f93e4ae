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

    /** Who else writes into a run directory while this process does. */
    public enum Access {
        /** This process alone (with the workers it coordinates): it cleans leftovers and keeps the CSVs. */
        SOLE,
        /**
         * Other processes too, on this or other hosts (cluster tasks on a shared filesystem): their
         * temp files are left alone, and the CSVs are written once all are done, by {@code bench report}.
         */
        SHARED
    }

    private final Path dir;
    private final Path cells;
    /** False where others write too: a worker's view, or a cluster task's; the CSVs are then written later. */
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
        return open(dir, suite, plan, env, Access.SOLE);
    }

    /**
     * Opens a run directory as {@link #open(Path, ResolvedSuite, List, EnvironmentInfo)} does, for
     * sole or shared use. Processes that open a new directory at the same time agree on one
     * manifest and one environment: each file is created only where absent, and every process
     * then checks itself against what is there.
     *
     * @param env the hardware cells will run on in this process, or null where none will (a host
     *     that only submits cluster tasks): the first process that runs a cell records it
     */
    public static RunStore open(Path dir, ResolvedSuite suite, List<Cell> plan, EnvironmentInfo env, Access access) {
        RunStore store = new RunStore(dir, access == Access.SOLE);
        try {
            Files.createDirectories(store.cells);
            store.removeLeftovers(access);
            store.load();
            Path resolvedFile = dir.resolve("suite.resolved.yaml");
            Path manifestFile = dir.resolve(RunManifest.FILE);
            // The manifest goes first: a resolved suite without one is a directory from before manifests.
            if (!Files.exists(resolvedFile) || Files.exists(manifestFile)) {
                AtomicFiles.writeIfAbsent(manifestFile, Mappers.RECORDS.writeValueAsBytes(RunManifest.now(suite.profile())));
                AtomicFiles.writeIfAbsent(resolvedFile, Mappers.YAML.writeValueAsBytes(suite.tree()));
            }
            store.checkResumable(plan, suite, manifestFile, resolvedFile);
            Path envFile = dir.resolve("env.json");
            if (env != null && !AtomicFiles.writeIfAbsent(envFile, Mappers.RECORDS.writeValueAsBytes(env))) {
                EnvironmentInfo before = Mappers.RECORDS.readValue(envFile.toFile(), EnvironmentInfo.class);
                if (!before.hardwareKey().equals(env.hardwareKey())) {
                    throw refusal(dir, "was started on other hardware (" + before.hardwareKey() + ", now "
                            + env.hardwareKey() + "); resuming would mix machines in one result set");
                }
            }
            AtomicFiles.write(dir.resolve(RunPlan.FILE), Mappers.RECORDS.writeValueAsBytes(new RunPlan(plan.stream()
                    .map(c -> new RunPlan.PlannedCell(c.id(), c.index(), c.label())).toList())));
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "cannot use run directory " + dir + ": " + IoReason.of(e), e);
        }
        return store;
    }

    /** Refuses to resume records that could not stand beside this plan's. */
    private void checkResumable(List<Cell> plan, ResolvedSuite suite, Path manifestFile, Path resolvedFile)
            throws IOException {
        int version = Files.exists(manifestFile)
                ? Mappers.RECORDS.readValue(manifestFile.toFile(), RunManifest.class).configSchema()
                : ConfigSchema.UNVERSIONED;
        if (version != ConfigSchema.CURRENT) {
            throw refusal(dir, "holds records of config version " + version + " (an older harness, whose"
                    + " unwritten defaults differ from this one's); this harness writes version "
                    + ConfigSchema.CURRENT + " and would mix the two in one result set"
                    + differencesFrom(plan, r -> true));
        }
        JsonNode before = Mappers.YAML.readTree(resolvedFile.toFile());
        Map<String, List<String>> suiteDiff = SettingsDiff.of(List.of(before, suite.tree()));
        if (!suiteDiff.isEmpty()) {
            throw refusal(dir, "holds a run of a different configuration: "
                    + SettingsDiff.describe(suiteDiff, 8) + " (before vs now)");
        }
        Set<String> planned = plan.stream().map(Cell::id).collect(Collectors.toSet());
        if (!planned.containsAll(records.keySet())) {
            throw refusal(dir, "holds cells this plan does not: the same suite now gives other cells"
                    + " (other asset digests or settings)"
                    + differencesFrom(plan, r -> !planned.contains(r.cellId())));
        }
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
            if (keepsCsvs) {
                writeCsvs(extraAxes);
            }
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
            AtomicFiles.write(runningDir().resolve(cellId), RunningMark.ofThisProcess().bytes());
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

    /** The cells that a live process other than this one marked as running. */
    public Set<String> runningElsewhere() {
        return liveMarks(dir, mark -> !mark.mine());
    }

    /** The cells marked as running by a live process, on this host or (as far as can be told) another. */
    public static Set<String> liveMarks(Path runDir) {
        return liveMarks(runDir, mark -> true);
    }

    private static Set<String> liveMarks(Path runDir, java.util.function.Predicate<RunningMark> chosen) {
        Path running = runDir.resolve("running");
        if (!Files.isDirectory(running)) {
            return Set.of();
        }
        try (Stream<Path> marks = Files.list(running)) {
            return marks.filter(m -> !m.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX))
                    .filter(m -> RunningMark.read(m).filter(chosen).map(RunningMark::alive).orElse(false))
                    .map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "cannot read " + running + ": " + IoReason.of(e), e);
        }
    }

    /**
     * Writes a run directory's CSVs from its records: after cluster tasks, whose shared writes
     * leave them to the end.
     */
    public static void writeCsvs(Path runDir) {
        try {
            JsonNode suite = Mappers.YAML.readTree(runDir.resolve("suite.resolved.yaml").toFile());
            CsvExport.writeTo(runDir, readRecords(runDir), CsvExport.extraAxes(suite.get("grid")));
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "cannot write the CSVs of " + runDir + ": "
                    + IoReason.of(e), e);
        }
    }

    private void writeCsvs(List<String> extraAxes) throws IOException {
        List<CellRecord> all = new ArrayList<>(records.values());
        all.sort(Comparator.comparingInt(CellRecord::index));
        CsvExport.writeTo(dir, all, extraAxes);
    }

    /**
     * Removes what dead processes left: temp files (only with sole access: under shared access
     * another process may be writing them) and running marks whose process is gone.
     */
    private void removeLeftovers(Access access) throws IOException {
        for (Path d : access == Access.SOLE ? List.of(dir, cells) : List.<Path>of()) {
            try (Stream<Path> files = Files.list(d)) {
                for (Path f : files.filter(p -> p.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX)).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
        if (Files.isDirectory(runningDir())) {
            try (Stream<Path> marks = Files.list(runningDir())) {
                for (Path mark : marks.toList()) {
                    boolean temp = mark.getFileName().toString().startsWith(AtomicFiles.TEMP_PREFIX);
                    if (temp ? access == Access.SOLE : !RunningMark.alive(mark)) {
                        Files.deleteIfExists(mark);
                    }
                }
            }
        }
    }
}
