package io.transferbench.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
