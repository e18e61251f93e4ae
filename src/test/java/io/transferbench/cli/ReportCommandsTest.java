package io.transferbench.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code report}, {@code compare} and {@code publish} on the records of a real (smoke) run. */
class ReportCommandsTest {

    @TempDir
    static Path out;
    static Path run;
    static String runOutput;

    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    @BeforeAll
    static void runTheSmokeSuiteOnce() {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(new PrintWriter(o, true), new PrintWriter(e, true),
                "--suite", "core-demo", "--profile", "smoke", "--out", out.resolve("reports").toString(), "--run-id", "a");
        assertEquals(0, code, e::toString);
        run = out.resolve("reports/core-demo/a");
        runOutput = o.toString();
    }

    private int bench(String... args) {
        return Main.run(new PrintWriter(stdout, true), new PrintWriter(stderr, true), args);
    }

    @Test
    void aSuiteRunEndsWithItsReport() throws IOException {
        assertTrue(runOutput.contains("Report: " + run.resolve("index.html")), runOutput);
        String html = Files.readString(run.resolve("index.html"));
        assertTrue(html.contains("<h1>core-demo <span class=\"sub\">run a</span></h1>"));
        assertTrue(html.contains("<strong>6</strong> cells"));
        assertTrue(Files.exists(run.resolve("assets/chart.umd.min.js")));
    }

    @Test
    void reportRendersElsewhereWithLinksBackToTheRun() throws IOException {
        Path page = out.resolve("pages/core-demo.html");
        assertEquals(0, bench("report", run.toString(), "--out", page.toString()), stderr::toString);
        String html = Files.readString(page);
        assertTrue(html.contains("href=\"../reports/core-demo/a/results.csv\""), html);
        assertTrue(html.contains("src=\"assets/chart.umd.min.js\""));
        assertTrue(Files.exists(out.resolve("pages/assets/report.js")));
    }

    @Test
    void compareAndPublishWorkOnRealRecords() throws IOException {
        // A copy of the run is the same machine and the same records: nothing may differ beyond noise.
        Path copy = out.resolve("reports/core-demo/a-copy");
        copyTree(run, copy);
        assertEquals(0, bench("compare", run.toString(), copy.toString(), "--out", out.resolve("cmp").toString()),
                stderr::toString);
        String compare = Files.readString(out.resolve("cmp/index.html"));
        assertTrue(compare.contains("1.00×"), compare);
        assertTrue(!compare.contains(">higher<") && !compare.contains(">lower<"), "identical records differ?");

        assertEquals(0, bench("publish", "--site", out.resolve("site").toString(), "--reports",
                out.resolve("reports").toString()), stderr::toString);
        assertTrue(stdout.toString().contains("(2 runs, 1 comparisons)"), stdout::toString);
        assertTrue(Files.exists(out.resolve("site/runs/core-demo/a-copy/index.html")));
    }

    @Test
    void badInputsAreUsageErrors() {
        assertEquals(2, bench("report", out.resolve("nothing-here").toString()));
        assertTrue(stderr.toString().contains("is not a run directory"), stderr::toString);
        assertEquals(2, bench("compare", run.toString()));
        assertEquals(2, bench("publish", "--site", out.resolve("s2").toString(), "--reports",
                out.resolve("empty").toString()));
    }

    @Test
    void reportAndCompareRefuseBeforeWritingAnything() throws IOException {
        Path missing = out.resolve("no-such-run");
        assertEquals(2, bench("report", missing.toString()));
        assertTrue(Files.notExists(missing), "report created " + missing);
        Path notARun = Files.createDirectories(out.resolve("not-a-run"));
        assertEquals(2, bench("report", notARun.toString()));
        assertTrue(stderr.toString().contains("is not a run directory"), stderr::toString);
        try (Stream<Path> left = Files.list(notARun)) {
            assertEquals(List.of(), left.toList(), "report wrote into a directory that is not a run");
        }

        Path other = out.resolve("other-reports/other/a");
        copyTree(run, other);
        Path resolved = other.resolve("suite.resolved.yaml");
        Files.writeString(resolved, Files.readString(resolved).replace("suite: \"core-demo\"", "suite: \"other\"")
                .replace("suite: core-demo", "suite: other"));
        Path cmp = out.resolve("cmp-refused");
        assertEquals(2, bench("compare", run.toString(), other.toString(), "--out", cmp.toString()), stdout::toString);
        assertTrue(stderr.toString().contains("compare shows runs of one suite"), stderr::toString);
        assertTrue(Files.notExists(cmp), "compare left " + cmp);
    }

    @Test
    void unreadableRecordsAreNamedOnThePageAndLeftOutOfTheCsvs() throws IOException {
        Path copy = out.resolve("damaged/core-demo/a");
        copyTree(run, copy);
        List<Path> records;
        try (Stream<Path> files = Files.list(copy.resolve("cells"))) {
            records = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        String truncated = Files.readString(records.get(0));
        Files.writeString(records.get(0), truncated.substring(0, truncated.length() / 2));
        Files.write(records.get(1), new byte[] {0, (byte) 0xff, 0x13, 0x37});
        assertEquals(0, bench("report", copy.toString()), stderr::toString);

        String html = Files.readString(copy.resolve("index.html"));
        assertTrue(html.contains("<strong>2</strong> records"), html);
        assertTrue(html.contains(records.get(0).getFileName().toString()), html);
        assertTrue(html.contains(records.get(1).getFileName().toString()), html);
        assertTrue(html.contains("<strong>4</strong> cells"), html);
        assertEquals(4 + 1, Files.readAllLines(copy.resolve("results.csv")).size(), "results.csv from what was read");
        assertTrue(Files.readAllLines(copy.resolve("curves.csv")).stream().noneMatch(
                l -> l.startsWith(records.get(0).getFileName().toString().replace(".json", ""))), "curves.csv too");
    }

    @Test
    void publishKeepsFilesItDidNotWriteAndSaysSo() throws IOException {
        Path reports = out.resolve("publish-reports");
        copyTree(run, reports.resolve("core-demo/a"));
        Path site = out.resolve("kept-site");
        assertEquals(0, bench("publish", "--site", site.toString(), "--reports", reports.toString()), stderr::toString);
        Files.writeString(site.resolve("CNAME"), "bench.example.org\n");
        Files.writeString(site.resolve(".nojekyll"), "");
        Files.writeString(site.resolve("README.txt"), "mine");
        assertEquals(0, bench("publish", "--site", site.toString(), "--reports", reports.toString()), stderr::toString);
        assertEquals("bench.example.org\n", Files.readString(site.resolve("CNAME")));
        assertTrue(Files.exists(site.resolve(".nojekyll")) && Files.exists(site.resolve("README.txt")));
        assertTrue(stdout.toString().contains("Kept files publish did not write: .nojekyll, CNAME, README.txt"),
                stdout::toString);
        assertTrue(Files.exists(site.resolve("runs/core-demo/a/index.html")));
    }

    @Test
    void writeFailuresSayWhyNotOnlyWhere() throws IOException {
        Path file = Files.writeString(out.resolve("a-file"), "x");
        assertEquals(2, bench("report", run.toString(), "--out", file.resolve("page.html").toString()));
        assertTrue(stderr.toString().matches("(?si).*cannot write .*: (not a directory|already exists).*"),
                stderr::toString);
        assertEquals(2, bench("publish", "--site", file.resolve("site").toString(), "--reports",
                out.resolve("reports").toString()));
        assertTrue(stderr.toString().matches("(?si).*cannot prepare site .*: (not a directory|already exists).*"),
                stderr::toString);
        Path suite = io.transferbench.TestSuites.write(out, "s", io.transferbench.TestSuites.BASE);
        assertEquals(2, bench("--suite", suite.toString(), "--out", file.toString(), "--set", "grid.freeze=all"));
        assertTrue(stderr.toString().matches("(?si).*cannot use run directory .*: (not a directory|already exists).*"),
                stderr::toString);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
