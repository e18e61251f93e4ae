package io.transferbench.results;

import java.util.List;

/**
 * {@code plan.json}: every cell the run's grid holds, in grid order, written when the run
 * directory is opened, so that what is still missing can be told from the directory alone (a
 * selection, an interrupted run, cells given to cluster tasks).
 */
public record RunPlan(List<PlannedCell> cells) {

    public static final String FILE = "plan.json";

    public record PlannedCell(String cellId, int index, String label) {}
}
