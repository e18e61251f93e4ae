package io.transferbench.cli;

import io.transferbench.BenchException;
import io.transferbench.assets.AssetAccess;
import io.transferbench.catalog.Catalog;
import io.transferbench.results.CellRecord;
import io.transferbench.results.RunId;
import io.transferbench.results.RunStore;
import io.transferbench.run.SuiteRunner;
import io.transferbench.suite.Cell;
import io.transferbench.suite.CellChunks;
import io.transferbench.suite.CellSelection;
import io.transferbench.suite.Grid;
import io.transferbench.suite.ResolvedSuite;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A suite's grid planned for cluster tasks: its run directory, its chunks, and the assets its cells read. */
record ClusterGrid(ResolvedSuite suite, Grid.Expansion plan, Path runDir, CellChunks chunks, SuiteRunner runner,
                   AssetAccess assets) {

    static ClusterGrid of(RunOptions run, ArrayOptions array, PrintWriter err) throws Exception {
        if (array.arrayLimit < 0 || array.cpusPerTask < 1 || array.gpusPerTask < 0) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "--array-limit and --gpus-per-task must be 0 or"
                    + " more, --cpus-per-task 1 or more; got " + array.arrayLimit + ", " + array.gpusPerTask + " and "
                    + array.cpusPerTask);
        }
        if (run.suite == null) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "missing --suite NAME|PATH; 'bench list' shows the suites");
        }
        Catalog catalog = Catalog.discover();
        ResolvedSuite suite = run.load(catalog, List.of());
        AssetAccess assets = run.assets(err);
        SuiteRunner runner = new SuiteRunner(catalog, assets, ai.djl.Device.cpu(), null);
        Grid.Expansion plan = runner.plan(suite, array.maxCells);
        Path runDir = array.out.resolve(suite.name()).resolve(array.runId != null ? RunId.check(array.runId)
                : BenchCommand.defaultRunId(suite)).toAbsolutePath().normalize();
        List<Cell> selected = CellSelection.parse(array.select, plan.cells()).of(plan.cells());
        return new ClusterGrid(suite, plan, runDir, new CellChunks(selected, array.chunk), runner, assets);
    }

    /** The run id, the run directory's name. */
    String runId() {
        return runDir.getFileName().toString();
    }

    /**
     * The chunks that still hold a cell to run, judged from the run directory as it is (a new
     * directory: all of them): cells without a finished record that no live process runs.
     */
    List<Integer> chunksToRun() {
        Map<String, CellRecord> records = new HashMap<>();
        Set<String> running = Set.of();
        if (Files.isDirectory(runDir.resolve("cells"))) {
            RunStore.readRecords(runDir).forEach(r -> records.put(r.cellId(), r));
            running = RunStore.liveMarks(runDir);
        }
        return chunks.holding(SuiteRunner.stillToRun(chunks.cells(), records, running).stream().map(Cell::id)
                .collect(Collectors.toSet()));
    }

    /** The job's name on the scheduler: {@code tb-SUITE-RUNID}. */
    String jobName() {
        return "tb-" + suite.name() + "-" + runId();
    }
}
