package io.transferbench.suite;

/**
 * Pretraining on a source dataset inside the harness (Yosinski-style A-to-B transfer), for model
 * families that ship no pretrained weights. It runs once, before the grid, and its checkpoint is
 * reused by every cell of the run.
 */
public record PretrainSpec(DatasetSpec dataset, int epochs, double lr, int batchSize, long seed) {

    public PretrainSpec {
        epochs = epochs == 0 ? 5 : epochs;
        lr = lr == 0 ? 1e-3 : lr;
        batchSize = batchSize == 0 ? 64 : batchSize;
        seed = seed == 0 ? 1 : seed;
    }
}
