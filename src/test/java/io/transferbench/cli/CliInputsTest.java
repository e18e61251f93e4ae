package io.transferbench.cli;

import io.transferbench.TestSuites;
import io.transferbench.assets.AssetCache;
import io.transferbench.BenchException;
import io.transferbench.assets.NoAssets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad command lines are refused before anything is written, with a message that says what to do. */
class CliInputsTest {

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int bench(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void aRunIdMustBeOneSafeDirectoryNameOrNothingIsWritten() throws IOException {
        Path suite = TestSuites.write(dir, "s", TestSuites.BASE);
        Path out = dir.resolve("deep/er/out");
        List<Path> before = filesUnder(dir);
        for (String id : List.of("../../x", "../x", "..", ".", "", "a/b", dir.resolve("abs").toString(), ".hidden",
                "-x", "a\\b", "x y", "x".repeat(129))) {
            assertEquals(2, bench("--suite", suite.toString(), "--out", out.toString(), "--run-id", id,
                    "--set", "grid.freeze=all"), () -> id + ": " + err);
            assertTrue(err.toString().contains("--run-id '" + id + "': a run id must be one directory name"),
                    () -> id + ": " + err);
            assertEquals(before, filesUnder(dir), id + " wrote something");
        }
    }

    @Test
    void anEmptyOutIsRefused() {
        Path suite = TestSuites.write(dir, "s", TestSuites.BASE);
        assertEquals(2, bench("--suite", suite.toString(), "--out", "", "--dry-run"));
        assertTrue(err.toString().contains("--out '': give a directory"), err::toString);
    }

    @Test
    void aGridTooLargeToExpandIsRefusedWithItsSizeAndHowToRaiseTheLimit() {
        Path suite = TestSuites.write(dir, "s", TestSuites.BASE);
        String hundred = String.join(",", IntStream.rangeClosed(1, 100).mapToObj(i -> "0.00" + i).toList());
        String seeds = String.join(",", IntStream.rangeClosed(1, 100).mapToObj(Integer::toString).toList());
        // 3 freeze depths x 100 lr x 100 layer decays x 100 weight decays x 100 seeds: 3 x 10^8
        assertEquals(2, bench("--suite", suite.toString(), "--dry-run", "--set", "grid.lr=" + hundred,
                "--set", "grid.layer-decay=" + hundred.replace("0.00", "0.9"), "--set",
                "grid.training.weight-decay=" + hundred, "--seeds", seeds));
        assertTrue(err.toString().contains("the grid has 300,000,000 combinations"), err::toString);
        assertTrue(err.toString().contains("more than the limit of 100,000"), err::toString);
        assertTrue(err.toString().contains("--max-cells 300000000"), err::toString);

        // 3 x 100 x 200 = 60,000: refused under a lower limit, with its count
        String twoHundred = String.join(",", IntStream.rangeClosed(1, 200).mapToObj(Integer::toString).toList());
        assertEquals(2, bench("--suite", suite.toString(), "--dry-run", "--max-cells", "50000",
                "--set", "grid.lr=" + hundred, "--seeds", twoHundred));
        assertTrue(err.toString().contains("the grid has 60,000 combinations"), err::toString);
    }

    @Test
    void seedsAreReportedAsSeedsAndMayNotAlsoBeSetThroughSet() {
        Path suite = TestSuites.write(dir, "s", TestSuites.BASE);
        assertEquals(2, bench("--suite", suite.toString(), "--dry-run", "--seeds", "-1,0"));
        assertTrue(err.toString().contains("--seeds -1,0"), err::toString);
        assertFalse(err.toString().contains("--set"), err::toString);

        assertEquals(2, bench("--suite", suite.toString(), "--dry-run", "--seeds", "1", "--set", "grid.seeds=2"));
        assertTrue(err.toString().contains("--seeds and --set grid.seeds both set the seeds"), err::toString);
    }

    @Test
    void noSuiteSaysItIsMissingBesidesTheUsage() {
        assertEquals(2, bench());
        assertTrue(err.toString().contains("error: missing --suite"), err::toString);
        assertTrue(err.toString().contains("Usage:"), err::toString);
    }

    @Test
    void aSuiteThatIsNotTextSaysSo() throws IOException {
        Path binary = Files.write(dir.resolve("garbage.yaml"), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0x80});
        assertEquals(2, bench("--suite", binary.toString(), "--dry-run"));
        assertTrue(err.toString().contains("not a YAML suite: the file is not UTF-8 text"), err::toString);
        assertFalse(err.toString().contains("Input length"), err::toString);
    }

    @Test
    void missingLockAndSuitesDirectoriesAreNamed() {
        Path suite = TestSuites.write(dir, "s", TestSuites.BASE);
        Path lock = dir.resolve("no/such.lock");
        assertEquals(2, bench("--suite", suite.toString(), "--dry-run", "--lock", lock.toString()));
        assertTrue(err.toString().contains("--lock " + lock + ": no such file"), err::toString);

        assertEquals(2, bench("--suite", "core-demo", "--dry-run", "--suites-dir", "/nonexistent"));
        assertTrue(err.toString().contains("--suites-dir /nonexistent: no such directory"), err::toString);
        assertEquals(2, bench("list", "--suites-dir", "/nonexistent"));
        assertTrue(err.toString().contains("--suites-dir /nonexistent: no such directory"), err::toString);
    }

    @Test
    void anAssetNeededWithoutALockNamesWhereTheLockWasLookedFor() {
        Path lock = dir.resolve("datasets.lock");
        BenchException e = assertThrows(BenchException.class, () -> new NoAssets(lock).checksum("spamassassin"));
        assertTrue(e.getMessage().contains("no lock file " + lock.toAbsolutePath()), e.getMessage());
        assertEquals(3, e.exitCode());
    }

    @Test
    void everyCommandAndSubcommandHasHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(new BenchCommand()), new ArrayList<>(), paths);
        assertTrue(paths.size() >= 10, "walked " + paths);
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            assertEquals(0, bench(args.toArray(String[]::new)), () -> path + ": " + err);
            assertTrue(out.toString().contains("Usage: bench"), () -> path + ": " + out);
        }
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            List<String> child = new ArrayList<>(path);
            child.add(name);
            collect(sub, child, paths);
        });
    }

    @Test
    void listShowsOnlyTasksSomeDatasetServes() {
        assertEquals(0, bench("list"));
        String tasks = out.toString().split("Tasks:")[1].split("Models:")[0];
        java.util.Set<String> served = io.transferbench.catalog.Catalog.discover().servedTasks().keySet();
        for (String task : io.transferbench.catalog.Catalog.discover().tasks().keySet()) {
            assertEquals(served.contains(task), tasks.contains(task + " "), task + " in " + tasks);
        }
        // every task now has a dataset: audio-classification since drum-kits
        assertTrue(tasks.contains("audio-classification") && tasks.contains("vector-classification")
                && tasks.contains("text-classification") && tasks.contains("image-classification"), tasks);
    }

    @Test
    void verifyOfAnEmptyCacheSaysNotFetchedAndSucceedsAndAcceptsIds() {
        String previous = System.getProperty(AssetCache.PROPERTY);
        System.setProperty(AssetCache.PROPERTY, dir.resolve("empty-cache").toString());
        try {
            assertEquals(0, bench("assets", "verify"), err::toString);
            assertTrue(out.toString().contains("not fetched"), out::toString);
            assertFalse(out.toString().contains("FAILED"), out::toString);
            assertEquals(0, bench("assets", "verify", "spamassassin", "fashion-mnist"), err::toString);
            assertEquals(2, out.toString().lines().filter(l -> l.contains("not fetched")).count(), out::toString);
            assertEquals(2, bench("assets", "verify", "no-such-asset"));
        } finally {
            if (previous == null) {
                System.clearProperty(AssetCache.PROPERTY);
            } else {
                System.setProperty(AssetCache.PROPERTY, previous);
            }
        }
    }
}
