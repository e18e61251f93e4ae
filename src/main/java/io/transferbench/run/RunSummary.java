package io.transferbench.run;

import java.nio.file.Path;

/** How a run ended, counted over all records of the run directory. */
public record RunSummary(Path runDir, int cells, int skipped, int ok, int diverged, int failed) {}
