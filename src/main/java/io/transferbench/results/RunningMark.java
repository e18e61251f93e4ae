package io.transferbench.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code running/<cell-id>}: which process runs a cell, as {@code pid host started [slurm-job]}.
 * Many hosts may share a run directory (cluster tasks on a shared filesystem), so a process id
 * is checked only on its own host; a mark from another host is judged by its scheduler job
 * where it has one, and otherwise counts as running, since nothing here can tell.
 *
 * @param schedulerJob the Slurm job of the process ({@link #slurmJob}), or null
 */
public record RunningMark(long pid, String host, Instant started, String schedulerJob) {

    /** The mark of this process. */
    public static RunningMark ofThisProcess() {
        return new RunningMark(ProcessHandle.current().pid(), localHost(), Instant.now(), slurmJob(System.getenv()));
    }

    /**
     * The Slurm job of a process: {@code ARRAY_TASK} for an array task, the only form in which
     * scancel and squeue know every task (22.05 refuses the numeric id of a task split off its
     * array), else {@code SLURM_JOB_ID}; null outside Slurm.
     */
    static String slurmJob(java.util.Map<String, String> env) {
        String array = env.get("SLURM_ARRAY_JOB_ID");
        String task = env.get("SLURM_ARRAY_TASK_ID");
        return array != null && task != null ? array + "_" + task : env.get("SLURM_JOB_ID");
    }

    public byte[] bytes() {
        return (pid + " " + host + " " + started + (schedulerJob == null ? "" : " " + schedulerJob) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The mark in a file, or empty when it cannot be read or parsed (a half-written or foreign file). */
    public static Optional<RunningMark> read(Path file) {
        try {
            String[] parts = Files.readString(file).trim().split("\\s+");
            long pid = Long.parseLong(parts[0]);
            if (parts.length == 2) {
                // pid and start time: marks written before hosts were recorded, always by this host
                return Optional.of(new RunningMark(pid, localHost(), Instant.parse(parts[1]), null));
            }
            return Optional.of(new RunningMark(pid, parts[1], Instant.parse(parts[2]), parts.length > 3 ? parts[3] : null));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the process that wrote the mark file still runs; an unreadable mark is not alive. */
    public static boolean alive(Path file) {
        return read(file).map(RunningMark::alive).orElse(false);
    }

    public boolean alive() {
        if (host.equals(localHost())) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        return schedulerJob == null || SlurmQueue.active(schedulerJob);
    }

    /** Whether this mark was written by the current process. */
    public boolean mine() {
        return pid == ProcessHandle.current().pid() && host.equals(localHost());
    }

    /** This machine's short host name, as {@code hostname -s} gives it. */
    public static String localHost() {
        String name = HostName.VALUE;
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static final class HostName {
        static final String VALUE = lookUp();

        private static String lookUp() {
            try {
                // the kernel's name, as hostname(1) reads it; no name service involved
                return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            } catch (IOException | RuntimeException e) {
                try {
                    return java.net.InetAddress.getLocalHost().getHostName();
                } catch (java.net.UnknownHostException unknown) {
                    return "localhost";
                }
            }
        }
    }
}
