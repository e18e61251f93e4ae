package io.transferbench.report;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report of 1,000 cells renders whole. The time is printed, never asserted (timings on a shared
 * machine make flaky tests); the run directory stays under target/report-scale so the CLI can be
 * timed on it too: {@code time java -jar target/bench.jar report target/report-scale/scale/1000-cells}.
 */
class ReportScaleTest {

    private static final Path ROOT = Path.of("target", "report-scale");

    @Test
    void aThousandCellReportRendersEveryCellAndConfiguration() throws Exception {
        // 5 transfer variants x 5 schedules x 10 learning rates x 4 seeds = 1,000 cells, 250 configurations.
        RunFixtures.Spec spec = new RunFixtures.Spec("scale", "1000-cells", 5, 10, 4, 1.0, "fixture", true, "");
        assertEquals(1000, spec.cells());
        Path run = RunFixtures.write(ROOT, spec);

        ReportWriter writer = new ReportWriter(ROOT.resolve("no.lock"));
        long t0 = System.nanoTime();
        Path page = writer.writeRunReport(run, run.resolve("index.html"));
        double first = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        writer.writeRunReport(run, run.resolve("index.html"));
        double second = (System.nanoTime() - t1) / 1e9;
        System.out.printf(Locale.ROOT, "report of 1,000 cells: %.2f s first render (reading records included), "
                + "%.2f s second; page %,d bytes%n", first, second, Files.size(page));

        String html = Files.readString(page);
        String cells = html.substring(html.indexOf("<h2>Every cell</h2>"), html.indexOf("<h2>Environment</h2>"));
        assertEquals(1000, count(cells, "<td><a href=\"cells/"), "one row per cell, with its record");
        String configurations = html.substring(html.indexOf("<h2>All configurations</h2>"),
                html.indexOf("<h2>Failed and diverged cells</h2>"));
        assertEquals(250, count(configurations, "<td class=\"marks\">"), "one row per configuration");
        assertTrue(html.contains("<strong>1000</strong> cells (250 configurations × seeds)"));
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
