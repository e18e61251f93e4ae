package io.transferbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.transferbench.BenchException;
import io.transferbench.IoReason;
import io.transferbench.Mappers;
import io.transferbench.results.CellRecord;
import io.transferbench.results.CsvExport;
import io.transferbench.results.EnvironmentInfo;
import io.transferbench.results.RecordSet;
import io.transferbench.results.RunPlan;
import io.transferbench.results.RunStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A finished (or partly finished) run as its records say it: the suite as run, the environment
 * and one record per cell. Reports are built from this alone, never by rerunning anything.
 */
public record RunDirectory(Path dir, JsonNode suite, EnvironmentInfo env, List<CellRecord> cells,
                           List<RecordSet.Unreadable> unreadable) {

    static final String SUITE_FILE = "suite.resolved.yaml";
    static final String ENV_FILE = "env.json";

    public RunDirectory {
        cells = List.copyOf(cells);
        unreadable = List.copyOf(unreadable);
    }

    /** Whether {@code dir} looks like a run directory (has the files every run writes first). */
    public static boolean isRunDirectory(Path dir) {
        return Files.isRegularFile(dir.resolve(SUITE_FILE)) && Files.isRegularFile(dir.resolve(ENV_FILE))
                && Files.isDirectory(dir.resolve("cells"));
    }

    public static RunDirectory read(Path dir) {
        if (!isRunDirectory(dir)) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, dir + " is not a run directory (expected "
                    + SUITE_FILE + ", " + ENV_FILE + " and cells/ in it)");
        }
        try {
            JsonNode suite = Mappers.YAML.readTree(dir.resolve(SUITE_FILE).toFile());
            EnvironmentInfo env = Mappers.RECORDS.readValue(dir.resolve(ENV_FILE).toFile(), EnvironmentInfo.class);
            RecordSet records = RunStore.readRecordSet(dir);
            return new RunDirectory(dir, suite, env, records.records(), records.unreadable());
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "cannot read run " + dir + ": " + IoReason.of(e), e);
        }
    }

    /** The grid's axes beyond the standard ones: the extra columns of its CSVs. */
    public List<String> extraAxes() {
        return CsvExport.extraAxes(suite.path("grid"));
    }

    /** Rewrites {@code results.csv} and {@code curves.csv} in {@code dir} from the records read. */
    public void writeCsvs(Path dir) {
        try {
            CsvExport.writeTo(dir, cells, extraAxes());
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "cannot write the CSVs in " + dir + ": "
                    + IoReason.of(e), e);
        }
    }

    /**
     * Whether every cell the run planned has a record (where it wrote its plan) and none failed:
     * a result set that stands for its whole grid. An unreadable plan counts as incomplete.
     */
    public boolean complete() {
        Path plan = dir.resolve(RunPlan.FILE);
        try {
            if (Files.isRegularFile(plan) && Mappers.RECORDS.readValue(plan.toFile(), RunPlan.class).cells().size() > cells.size()) {
                return false;
            }
        } catch (IOException e) {
            return false;
        }
        return cells.stream().noneMatch(c -> CellRecord.FAILED.equals(c.status()));
    }

    public String suiteName() {
        return suite.path("suite").asText("?");
    }

    /** The run id: the directory's name under {@code reports/<suite>/}. */
    public String runId() {
        return dir.toAbsolutePath().normalize().getFileName().toString();
    }
}
