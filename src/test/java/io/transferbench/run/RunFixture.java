package io.transferbench.run;

import io.transferbench.catalog.Catalog;
import io.transferbench.TestSuites;
import io.transferbench.assets.NoAssets;
import io.transferbench.suite.Grid;
import io.transferbench.suite.ResolvedSuite;
import io.transferbench.train.FeatureStore;

import java.nio.file.Path;

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
            Grid.Expansion plan = runner.plan(suite);
            return runner.run(suite, plan, SuiteRunner.Target.whole(out.resolve("run"), plan), false, progress);
        }
    }
}
