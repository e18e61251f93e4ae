package io.transferbench.run;

import io.transferbench.results.CellRecord;

import java.util.Map;

/** A cell's record and the files that go beside it (paths relative to the run directory). */
record FinishedCell(CellRecord record, Map<String, byte[]> files) {}
