package io.transferbench.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
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
    public static java.util.Optional<Set<Integer>> activeTasks(String arrayJob) {
        try {
            Process p = new ProcessBuilder("squeue", "--noheader", "--array", "--jobs", arrayJob, "--format", "%K %T")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return java.util.Optional.empty();
            }
            if (p.exitValue() != 0) {
                return out.contains("Invalid job id") ? java.util.Optional.of(Set.of()) : java.util.Optional.empty();
            }
            Set<Integer> active = new java.util.TreeSet<>();
            for (String line : out.lines().toList()) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2 && parts[0].matches("\\d+") && ACTIVE_STATES.contains(parts[1])) {
                    active.add(Integer.parseInt(parts[0]));
                }
            }
            return java.util.Optional.of(active);
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return java.util.Optional.empty();
        }
    }

    /**
     * Whether a job, or any task of an array job, is still queued or running. When {@code squeue}
     * cannot answer (not installed, the controller down), the job counts as active: it is safer to
     * wait than to run a live cell twice.
     */
    public static boolean active(String jobId) {
        try {
            Process p = new ProcessBuilder("squeue", "--noheader", "--array", "--jobs", jobId, "--format", "%T")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return true;
            }
            if (p.exitValue() != 0) {
                // squeue fails for a job id it no longer remembers: that job is long over
                return !out.contains("Invalid job id");
            }
            return out.lines().map(String::trim).anyMatch(ACTIVE_STATES::contains);
        } catch (IOException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
