package io.transferbench.run;

import io.transferbench.catalog.Catalog;
import io.transferbench.Mappers;
import io.transferbench.TestSuites;
import io.transferbench.assets.NoAssets;
import io.transferbench.results.CellRecord;
import io.transferbench.suite.ResolvedSuite;
import io.transferbench.train.FeatureStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Runs test suites in-process and reads back their records. */
final class RunFixture {

    static RunSummary run(Path out, String yaml, String... sets) {
        return run(out, null, yaml, sets);
    }

    /** A run whose frozen-stage outputs are shared through {@code store} (null: memory only). */
    static RunSummary run(Path out, FeatureStore store, String yaml, String... sets) {
        ResolvedSuite suite = TestSuites.load(out, yaml, sets);
        SuiteRunner runner = new SuiteRunner(Catalog.discover(), new NoAssets(java.nio.file.Path.of("no.lock")),
                ai.djl.Device.cpu(), store);
        try (Progress progress = new LogProgress()) {
            return runner.run(suite, runner.plan(suite), io.transferbench.suite.CellSelection.all(), out.resolve("run"),
                    false, progress);
        }
    }

    static Map<String, CellRecord> records(Path runDir) {
        Map<String, CellRecord> records = new TreeMap<>();
        try (Stream<Path> files = Files.list(runDir.resolve("cells"))) {
            for (Path f : files.toList()) {
                CellRecord r = Mappers.RECORDS.readValue(f.toFile(), CellRecord.class);
                records.put(r.cellId(), r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    /** What must be identical between two runs of the same cell: everything but clocks and memory. */
    static String results(CellRecord r) {
        try {
            return r.status() + " " + Mappers.SUITE.writeValueAsString(r.val()) + " "
                    + Mappers.SUITE.writeValueAsString(r.test()) + " " + Mappers.SUITE.writeValueAsString(r.testPerClass())
                    + " " + r.bestEpoch() + " " + r.curve().stream()
                    .map(p -> p.phase() + p.epoch() + ":" + p.trainLoss() + "/" + p.valLoss() + "/" + p.val() + "/" + p.lr())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
