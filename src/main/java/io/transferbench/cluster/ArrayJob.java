package io.transferbench.cluster;

import java.util.List;

/**
 * One array of cluster tasks over a grid's chunks, whatever the scheduler.
 *
 * @param name the job's name, e.g. {@code tb-core-demo}
 * @param taskCommand a task's command line up to and including {@code --array-task}; the
 *     scheduler's index variable follows it
 * @param indices the chunks to run, ascending
 * @param limit how many tasks may run at once, or 0 for the scheduler's own limit
 * @param cpusPerTask cores per task, which is also its engine threads
 * @param gpusPerTask GPUs per task, 0 for none
 */
public record ArrayJob(String name, List<String> taskCommand, List<Integer> indices, int limit, int cpusPerTask,
                       int gpusPerTask) {

    public ArrayJob {
        taskCommand = List.copyOf(taskCommand);
        indices = List.copyOf(indices);
        if (indices.isEmpty()) {
            throw new IllegalArgumentException("an array job needs at least one index");
        }
    }
}
