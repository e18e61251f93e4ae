package io.transferbench.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/** What Slurm's queue ({@code squeue}) says about a job, for run directories that cluster tasks share. */
public final class SlurmQueue {

    /** Job states in which a job still holds or awaits its process. */
    private static final Set<String> ACTIVE_STATES = Set.of("PENDING", "CONFIGURING", "RUNNING", "COMPLETING",
            "SUSPENDED", "RESIZING", "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED", "STOPPED", "SIGNALING", "STAGE_OUT");

    private SlurmQueue() {}

    /**
     * The indices of an array job's tasks that are still queued or running; empty when
     * {@code squeue} cannot answer, so that a caller can say it does not know.
     */
    public static Optional<Set<Integer>> activeTasks(String arrayJob) {
        return states(arrayJob, "%K %T").map(lines -> {
            Set<Integer> active = new TreeSet<>();
            for (String line : lines) {
                String[] parts = line.split("\\s+");
                if (parts.length == 2 && parts[0].matches("\\d+") && ACTIVE_STATES.contains(parts[1])) {
                    active.add(Integer.parseInt(parts[0]));
                }
            }
            return active;
        });
    }

    /**
     * Whether a job, or any task of an array job, is still queued or running. When {@code squeue}
     * cannot answer (not installed, the controller down), the job counts as active: it is safer to
     * wait than to run a live cell twice.
     */
    public static boolean active(String jobId) {
        return states(jobId, "%T").map(lines -> lines.stream().anyMatch(ACTIVE_STATES::contains)).orElse(true);
    }

    /**
     * squeue's lines for a job, one per array task, in {@code format}; no lines for a job it no
     * longer remembers (long over), empty when squeue cannot answer.
     */
    private static Optional<List<String>> states(String jobId, String format) {
        try {
            Process p = new ProcessBuilder("squeue", "--noheader", "--array", "--jobs", jobId, "--format", format)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            if (p.exitValue() != 0) {
                return out.contains("Invalid job id") ? Optional.of(List.of()) : Optional.empty();
            }
            List<String> lines = new ArrayList<>();
            out.lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(lines::add);
            return Optional.of(lines);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
