package io.transferbench.cluster;

import io.transferbench.results.ArraySubmission;
import io.transferbench.suite.CellChunks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The two batch scripts of a grid on Slurm: the job array, one task per chunk, and the report
 * job that runs after it, however its tasks ended ({@code afterany}), and writes the CSVs and
 * the page from the records.
 *
 * @param partition the partition, or null for the cluster's default
 * @param time the time limit per task in any form sbatch takes ({@code 2:00:00}), or null
 * @param reportCommand the report job's command line
 */
public record SbatchScript(ArrayJob job, Path runDir, String partition, String time, List<String> reportCommand) {

    /** Where the tasks' output and the scripts go, inside the run directory: beside its submissions. */
    public static final String LOG_DIR = ArraySubmission.DIR;

    public String array() {
        List<String> lines = header("chunks of the grid as a job array, one task per chunk");
        lines.add("#SBATCH --job-name=" + job.name());
        lines.add("#SBATCH --array=" + CellChunks.ranges(job.indices()) + (job.limit() > 0 ? "%" + job.limit() : ""));
        lines.add("#SBATCH --cpus-per-task=" + job.cpusPerTask());
        if (job.gpusPerTask() > 0) {
            lines.add("#SBATCH --gpus-per-task=" + job.gpusPerTask());
        }
        resources(lines);
        lines.add("#SBATCH --output=" + runDir.resolve(LOG_DIR).resolve("%A_%a.out"));
        lines.add("");
        lines.add("exec " + ShellWords.join(job.taskCommand()) + " \"$SLURM_ARRAY_TASK_ID\"");
        return String.join("\n", lines) + "\n";
    }

    public String report() {
        List<String> lines = header("the report, once the array's tasks have ended (submitted with afterany)");
        lines.add("#SBATCH --job-name=" + job.name() + "-report");
        lines.add("#SBATCH --cpus-per-task=1");
        resources(lines);
        lines.add("#SBATCH --output=" + runDir.resolve(LOG_DIR).resolve("%j-report.out"));
        lines.add("");
        lines.add("exec " + ShellWords.join(reportCommand));
        return String.join("\n", lines) + "\n";
    }

    private List<String> header(String what) {
        List<String> lines = new ArrayList<>();
        lines.add("#!/bin/bash");
        lines.add("# TransferBench on Slurm (bench slurm submit): " + what + ".");
        lines.add("# Run directory, shared by every task: " + runDir);
        return lines;
    }

    private void resources(List<String> lines) {
        if (partition != null) {
            lines.add("#SBATCH --partition=" + partition);
        }
        if (time != null) {
            lines.add("#SBATCH --time=" + time);
        }
    }
}
