package io.transferbench.results;

import io.transferbench.IoReason;
import io.transferbench.tasks.ExampleOutcomes;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where a cell's test outcomes lie beside its record ({@code cells/<id>/test-outcomes.csv}), and reading them back. */
public final class TestOutcomesFile {

    private TestOutcomesFile() {}

    /** The file's path relative to the run directory. */
    public static String of(String cellId) {
        return PredictionPicture.directoryOf(cellId) + "/test-outcomes.csv";
    }

    /** The outcomes kept beside a cell's record; empty when the cell has none (older harnesses, other tasks). */
    public static Optional<ExampleOutcomes> read(Path runDir, String cellId) {
        Path file = runDir.resolve(of(cellId));
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Optional.of(ExampleOutcomes.parse(in));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("unreadable " + file + ": " + (e instanceof IOException io ? IoReason.of(io)
                    : e.getMessage()), e);
        }
    }
}
