package io.transferbench.cli;

import ai.djl.engine.Engine;
import io.transferbench.TestSuites;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line: exit codes 0/2/4, help, version, list and dry-run output. */
class CliTest {

    @TempDir
    Path dir;

    private final CapturedCli cli = new CapturedCli();
    private final java.io.StringWriter out = cli.out;
    private final java.io.StringWriter err = cli.err;

    private int bench(String... args) {
        return cli.bench(args);
    }

    @Test
    void dryRunPrintsTheExpandedGridAndWritesNothing() {
        Path suite = TestSuites.write(dir, "s", TestSuites.BASE);
        int code = bench("--suite", suite.toString(), "--dry-run", "--out", dir.resolve("out").toString(),
                "--set", "grid.strategy=finetune,scratch");
        assertEquals(0, code, err.toString());
        String text = out.toString();
        assertTrue(text.contains("#  cell"), text);
        assertTrue(text.contains("scratch"), text);
        assertTrue(text.contains("4 cells (6 combinations, 2 folded or dropped as equivalent)"), text);
        assertTrue(Files.notExists(dir.resolve("out")), "a dry run writes nothing");
    }

    @Test
    void badSuiteExitsWithTwoAndSaysWhatIsWrong() {
        Path suite = TestSuites.write(dir, "s", TestSuites.BASE.replace("lr: [0.003]", "lr: []"));
        assertEquals(2, bench("--suite", suite.toString(), "--dry-run"));
        assertTrue(err.toString().contains("grid.lr: must not be empty"), err.toString());
    }

    @Test
    void unknownSuiteNameListsTheKnownOnes() {
        assertEquals(2, bench("--suite", "nosuch", "--dry-run"));
        assertTrue(err.toString().contains("no suite 'nosuch'"), err.toString());
        assertTrue(err.toString().contains("core-demo"), err.toString());
    }

    @Test
    void missingSuiteAndUnknownOptionsAreUsageErrors() {
        assertEquals(2, bench());
        assertEquals(2, bench("--suite", "core-demo", "--frobnicate"));
        assertEquals(2, bench("--suite", "core-demo", "--device", "tpu"));
    }

    @Test
    void gpuWithoutAGpuIsABadRequest() {
        Assumptions.assumeTrue(Engine.getInstance().getGpuCount() == 0, "this machine has a GPU");
        Path suite = TestSuites.write(dir, "s", TestSuites.BASE);
        assertEquals(2, bench("--suite", suite.toString(), "--device", "gpu", "--out", dir.toString()));
        assertTrue(err.toString().contains("PyTorch sees no GPU"), err.toString());
    }

    @Test
    void failedCellsGiveExitCodeFourAndFailFastStopsAtTheFirst() throws Exception {
        String broken = TestSuites.BASE.replace("name: mlp", "name: test-broken")
                .replace("  options: {hidden: 16, stages: 3}\n", "")
                + "  strategy: [scratch]\n  seeds: [1, 2, 3]\n";
        Path suite = TestSuites.write(dir, "s", broken);
        assertEquals(4, bench("--suite", suite.toString(), "--out", dir.resolve("all").toString(), "--run-id", "r"),
                err::toString);
        assertTrue(out.toString().contains("3 cells: 0 ok, 0 diverged, 3 failed"), out.toString());
        String record = Files.readString(Files.list(dir.resolve("all/t/r/cells")).findFirst().orElseThrow());
        assertTrue(record.contains("\"status\" : \"failed\""), record);
        assertTrue(record.contains("simulated failure while building the network"), record);

        assertEquals(4, bench("--suite", suite.toString(), "--out", dir.resolve("ff").toString(), "--run-id", "r",
                "--fail-fast"));
        assertEquals(1, Files.list(dir.resolve("ff/t/r/cells")).count(), "stopped after the first failure");
        assertTrue(err.toString().contains("--fail-fast"), err.toString());
    }

    @Test
    void sgdWithNesterovMomentumTrainsEveryCell() throws Exception {
        Path suite = TestSuites.write(dir, "s", TestSuites.BASE);
        assertEquals(0, bench("--suite", suite.toString(), "--out", dir.resolve("out").toString(), "--run-id", "nag",
                "--set", "training.optimizer=sgd", "--set", "training.nesterov=true", "--set", "grid.freeze=1,0"),
                err::toString);
        assertTrue(out.toString().contains("2 cells: 2 ok, 0 diverged, 0 failed"), out.toString());
    }

    @Test
    void listShowsSuitesModelsDatasetsStrategiesAndSchedules() {
        assertEquals(0, bench("list"));
        String text = out.toString();
        for (String expected : new String[] {"core-demo", "mlp", "latent-classes", "vector-classification",
                "finetune, lp-ft, gradual, scratch", "warmup-cosine", "one-cycle"}) {
            assertTrue(text.contains(expected), expected + " in\n" + text);
        }
    }

    @Test
    void assetsCommandListsTheLockAndFetchesNothingForASuiteOfGeneratedData() {
        assertEquals(0, bench("assets", "list"));
        for (String id : new String[] {"minilm-l6-v2", "spamassassin", "brown-corpus", "nsfwjs-mobilenet-v2",
                "fashion-mnist"}) {
            assertTrue(out.toString().contains(id), id + " in\n" + out);
        }
        Path suite = TestSuites.write(dir, "s", TestSuites.BASE);
        assertEquals(0, bench("assets", "fetch", "--suite", suite.toString()), err::toString);
        assertTrue(out.toString().lines().noneMatch(l -> l.contains(" fetched ")), "nothing to fetch: " + out);
        assertEquals(2, bench("assets", "fetch", "no-such-asset"), "an unknown id is a usage error");
        assertTrue(err.toString().contains("no asset 'no-such-asset'; the lock has [minilm-l6-v2"), err::toString);
    }

    @Test
    void helpAndVersion() {
        assertEquals(0, bench("--help"));
        assertTrue(out.toString().contains("--dry-run"));
        assertTrue(out.toString().contains("Exit codes"));
        assertEquals(0, bench("--version"));
        assertTrue(out.toString().contains("TransferBench"));
    }
}
