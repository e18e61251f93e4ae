package io.transferbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.transferbench.BenchException;
import io.transferbench.Mappers;
import io.transferbench.results.CellRecord;
import io.transferbench.results.EnvironmentInfo;
import io.transferbench.results.RunStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A finished (or partly finished) run as its records say it: the suite as run, the environment
 * and one record per cell. Reports are built from this alone, never by rerunning anything.
 */
public record RunDirectory(Path dir, JsonNode suite, EnvironmentInfo env, List<CellRecord> cells) {

    static final String SUITE_FILE = "suite.resolved.yaml";
    static final String ENV_FILE = "env.json";

    public RunDirectory {
        cells = List.copyOf(cells);
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
            return new RunDirectory(dir, suite, env, RunStore.readRecords(dir));
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "cannot read run " + dir + ": " + e.getMessage(), e);
        }
    }

    public String suiteName() {
        return suite.path("suite").asText("?");
    }

    /** The run id: the directory's name under {@code reports/<suite>/}. */
    public String runId() {
        return dir.toAbsolutePath().normalize().getFileName().toString();
    }
}
