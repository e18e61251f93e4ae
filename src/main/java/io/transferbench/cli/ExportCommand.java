package io.transferbench.cli;

import io.transferbench.BenchException;
import io.transferbench.catalog.Catalog;
import io.transferbench.results.CellRecord;
import io.transferbench.results.RunStore;
import io.transferbench.run.CellExport;
import io.transferbench.run.SuiteRunner;
import io.transferbench.suite.ResolvedSuite;
import io.transferbench.suite.SuiteLoader;
import io.transferbench.tasks.MetricSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code bench export RUN_DIR [CELL]}: a cell's trained weights, to use the transfer the run chose. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Train one cell of a run again from its record's settings and write its chosen weights "
                + "(DJL's parameter format) and export.json (settings, classes, assets, and whether the retrained "
                + "test scores equal the recorded ones) into --out.",
                "Without CELL, the cell with the best validation score on the task's first metric."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory, e.g. reports/nlp-bert/default-c00b6172.")
    Path runDir;

    @Parameters(index = "1", arity = "0..1", paramLabel = "CELL", description = "A cell id (see bench status RUN_DIR --list"
            + " or the run's results.csv).")
    String cellId;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write (default: RUN_DIR/export/CELL).")
    Path out;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
    DeviceChoice device;

    @Option(names = "--lock", defaultValue = "datasets.lock", description = "Asset lock file (default: ${DEFAULT-VALUE}).")
    Path lockFile;

    @Override
    public Integer call() {
        Path resolvedFile = runDir.resolve("suite.resolved.yaml");
        if (!Files.isRegularFile(resolvedFile)) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, runDir + ": not a run directory (no suite.resolved.yaml)");
        }
        Catalog catalog = Catalog.discover();
        ResolvedSuite suite = new SuiteLoader(catalog, runDir).load(resolvedFile.toString(), SuiteLoader.DEFAULT_PROFILE,
                List.of());
        List<CellRecord> records = RunStore.readRecords(runDir);
        CellRecord chosen = cellId != null ? recordOf(records, cellId) : best(catalog, records);
        String cell = chosen.cellId();
        PrintWriter err = spec.commandLine().getErr();
        SuiteRunner runner = new SuiteRunner(catalog, RunOptions.assets(lockFile, err), device.resolve(), null);
        CellExport export = runner.export(suite, runDir, chosen, out != null ? out : runDir.resolve("export").resolve(cell));
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("Exported cell " + cell + " to " + export.dir() + ": test " + export.retrained()
                + (export.reproduced() ? " (as recorded)" : " (recorded: " + export.recorded() + "; not reproduced"
                + " exactly: another machine, thread count or harness; the weights are the retrained ones)"));
        stdout.flush();
        return 0;
    }

    /** The ok cell with the best validation score on its task's first metric (ties: the first in grid order). */
    private CellRecord best(Catalog catalog, List<CellRecord> records) {
        return records.stream()
                .filter(r -> CellRecord.OK.equals(r.status()) && r.val() != null)
                .max(Comparator.comparingDouble((CellRecord r) -> score(catalog, r))
                        .thenComparing(Comparator.comparingInt(CellRecord::index).reversed()))
                .orElseThrow(() -> new BenchException(BenchException.EXIT_BAD_INPUT, runDir
                        + ": no cell trained ok; nothing to export"));
    }

    private CellRecord recordOf(List<CellRecord> records, String id) {
        return records.stream().filter(r -> r.cellId().equals(id)).findFirst()
                .orElseThrow(() -> new BenchException(BenchException.EXIT_BAD_INPUT, runDir + ": cell " + id
                        + " has no record; export a cell that trained (bench status " + runDir + " --list)"));
    }

    private static double score(Catalog catalog, CellRecord r) {
        MetricSpec metric = catalog.task(r.config().path("task").asText()).metrics().get(0);
        double value = r.val().getOrDefault(metric.name(), Double.NaN);
        return Double.isNaN(value) ? Double.NEGATIVE_INFINITY : metric.higherIsBetter() ? value : -value;
    }
}
