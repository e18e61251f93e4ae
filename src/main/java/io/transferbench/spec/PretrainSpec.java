package io.transferbench.spec;

/**
 * Pretraining on a source dataset inside the harness (Yosinski-style A-to-B transfer), for model
 * families that ship no pretrained weights. It runs once, before the grid, and its checkpoint is
 * reused by every cell of the run. Only the backbone carries over, so the source {@code task}
 * may differ from the suite's (an encoder pretrained as a classifier, then a segmenter); null
 * means the suite's own task.
 */
public record PretrainSpec(DatasetSpec dataset, String task, int epochs, double lr, int batchSize, long seed) {

    /** The task pretraining trains: its own, or the suite's. */
    public String taskOr(String suiteTask) {
        return task == null ? suiteTask : task;
    }

    public PretrainSpec {
        epochs = epochs == 0 ? 5 : epochs;
        lr = lr == 0 ? 1e-3 : lr;
        batchSize = batchSize == 0 ? 64 : batchSize;
        seed = seed == 0 ? 1 : seed;
    }
}
