package io.transferbench.results;

import com.fasterxml.jackson.core.JacksonException;
import io.transferbench.BenchException;
import io.transferbench.IoReason;
import io.transferbench.Mappers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code slurm/submission-<array job>.json}: one submission of a run's chunks as a Slurm job
 * array, so that the run's status can tell cells still queued in a live task from cells that
 * nothing will run, and a new submission can wait for the old one.
 *
 * @param chunks the cell ids of each submitted chunk, by array index
 */
public record ArraySubmission(String arrayJob, String reportJob, String submittedAt, Map<Integer, List<String>> chunks) {

    public static final String DIR = "slurm";
    private static final String PREFIX = "submission-";

    public void writeTo(Path runDir) {
        try {
            AtomicFiles.write(runDir.resolve(DIR).resolve(PREFIX + arrayJob + ".json"),
                    Mappers.RECORDS.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "cannot record submission " + arrayJob + " in "
                    + runDir + ": " + IoReason.of(e), e);
        }
    }

    /** The run's submissions, oldest first; none for a run that never went to Slurm. */
    public static List<ArraySubmission> of(Path runDir) {
        Path dir = runDir.resolve(DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<ArraySubmission> submissions = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches(PREFIX + "\\d+\\.json")).toList()) {
                submissions.add(Mappers.RECORDS.readValue(f.toFile(), ArraySubmission.class));
            }
        } catch (IOException e) {
            String why = e instanceof JacksonException j ? j.getOriginalMessage() : IoReason.of(e);
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "cannot read the submissions in " + dir + ": " + why, e);
        }
        submissions.sort(java.util.Comparator.comparing(ArraySubmission::submittedAt));
        return submissions;
    }

    /** Whether the array or its report job is still queued or running (as far as squeue can tell). */
    public boolean active() {
        return SlurmQueue.active(arrayJob) || SlurmQueue.active(reportJob);
    }
}
