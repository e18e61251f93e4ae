package io.transferbench.results;

import io.transferbench.BenchException;
import io.transferbench.IoReason;
import io.transferbench.Mappers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a run directory stands, from its files and, for cluster runs, Slurm's queue: cells with a
 * record (ok, diverged, failed), cells marked running by a live process, cells waiting in an
 * array task that is still queued or running ({@link ArraySubmission}), and planned cells with
 * none of these (missing: never started, or their process died). Missing cells are known only
 * where the directory has a {@link RunPlan}.
 *
 * @param byState cells by state, in grid order; states {@code ok}, {@code diverged},
 *     {@code failed}, {@code running}, {@code queued}, {@code missing}
 * @param planKnown whether the directory has a plan, without which nothing can be missing
 * @param schedulerUnknown array jobs squeue could not tell about: their waiting cells count as missing
 */
public record RunStatus(Map<String, List<RunPlan.PlannedCell>> byState, boolean planKnown,
                        List<String> schedulerUnknown) {

    public static final String RUNNING = "running";
    public static final String QUEUED = "queued";
    public static final String MISSING = "missing";
    private static final List<String> STATES = List.of(CellRecord.OK, CellRecord.DIVERGED, CellRecord.FAILED, RUNNING,
            QUEUED, MISSING);

    public static RunStatus of(Path dir) {
        Path cells = dir.resolve("cells");
        if (!Files.isDirectory(cells)) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, dir + " is not a run directory (no cells/)");
        }
        try {
            Map<String, CellRecord> records = new LinkedHashMap<>();
            RunStore.readRecords(dir).forEach(r -> records.put(r.cellId(), r));
            Set<String> running = RunStore.liveMarks(dir);
            List<String> unknown = new ArrayList<>();
            Set<String> queued = queued(dir, unknown);
            Map<String, List<RunPlan.PlannedCell>> byState = new LinkedHashMap<>();
            STATES.forEach(s -> byState.put(s, new ArrayList<>()));
            Path planFile = dir.resolve(RunPlan.FILE);
            if (Files.isRegularFile(planFile)) {
                for (RunPlan.PlannedCell c : Mappers.RECORDS.readValue(planFile.toFile(), RunPlan.class).cells()) {
                    CellRecord r = records.remove(c.cellId());
                    String state = r != null ? r.status() : running.contains(c.cellId()) ? RUNNING
                            : queued.contains(c.cellId()) ? QUEUED : MISSING;
                    byState.get(state).add(c);
                }
            }
            // records the plan does not name (a directory from before plans) still count, in grid order
            records.values().forEach(r -> byState.get(r.status()).add(new RunPlan.PlannedCell(r.cellId(), r.index(),
                    r.label())));
            return new RunStatus(byState, Files.isRegularFile(planFile), unknown);
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "cannot read run directory " + dir + ": "
                    + IoReason.of(e), e);
        }
    }

    /** The cells of array tasks still queued or running; the jobs squeue could not tell about go to {@code unknown}. */
    private static Set<String> queued(Path dir, List<String> unknown) {
        Set<String> queued = new java.util.HashSet<>();
        for (ArraySubmission s : ArraySubmission.of(dir)) {
            java.util.Optional<Set<Integer>> active = SlurmQueue.activeTasks(s.arrayJob());
            if (active.isEmpty()) {
                unknown.add(s.arrayJob());
                continue;
            }
            active.get().forEach(i -> queued.addAll(s.chunks().getOrDefault(i, List.of())));
        }
        return queued;
    }

    public int count(String state) {
        return byState.get(state).size();
    }

    /** Whether every planned cell has its record. */
    public boolean complete() {
        return planKnown && count(RUNNING) == 0 && count(QUEUED) == 0 && count(MISSING) == 0;
    }
}
