package io.transferbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunReportTest {

    private static final String HOSTILE = "<script>alert('x')</script>";
    private static final Pattern DATA = Pattern.compile(
            "<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL);

    @TempDir
    Path root;

    private String render(RunFixtures.Spec spec) throws Exception {
        Path run = RunFixtures.write(root, spec);
        Path page = new ReportWriter(root.resolve("no.lock")).writeRunReport(run, run.resolve("index.html"));
        return Files.readString(page);
    }

    @Test
    void writesThePageAndTheBundledChartLibraryBesideIt() throws Exception {
        Path run = RunFixtures.write(root, RunFixtures.Spec.small("r"));
        new ReportWriter(root.resolve("no.lock")).writeRunReport(run, run.resolve("index.html"));
        Path assets = run.resolve("assets");
        assertTrue(Files.readString(assets.resolve("chart.umd.min.js")).contains("Chart.js v4.5.1"));
        assertTrue(Files.readString(assets.resolve("chart.js-LICENSE.md")).contains("MIT"));
        assertTrue(Files.exists(assets.resolve("report.js")));
        assertTrue(Files.exists(assets.resolve("report.css")));
        String html = Files.readString(run.resolve("index.html"));
        assertTrue(html.contains("<script src=\"assets/chart.umd.min.js\"></script>"));
        assertFalse(html.contains("http://") || html.contains("https://"), "a page must not reach the network");
    }

    @Test
    void showsMeansWithTIntervalsTheBestCellAndEveryChart() throws Exception {
        String html = render(RunFixtures.Spec.small("r"));
        RunDirectory run = RunDirectory.read(root.resolve("fixture/r"));
        HeadlineMetric metric = HeadlineMetric.of(run.suite(), run.cells());
        List<ConfigSummary> configs = ConfigSummary.of(run.cells(), GridAxes.of(run.suite(), run.cells()), metric);
        ConfigSummary best = ConfigSummary.bestOnValidation(configs, metric);
        assertEquals("lp-ft freeze=0", best.label());
        // The best cell of the grid is marked, with its mean and interval as SeedStatistics computes them.
        String bestText = Formats.metric(best.test());
        assertTrue(html.contains("<td class=\"heat best\""), html);
        assertTrue(Pattern.compile("heat best\"[^>]*>" + Pattern.quote(bestText) + " <span class=\"n\">\\(3\\)</span>")
                .matcher(html).find(), "best cell shows " + bestText);
        assertTrue(html.contains("<strong>15</strong> cells (5 configurations × seeds)"));
        for (String id : List.of("chart-strategies", "chart-curves-metric", "chart-curves-loss", "chart-pareto-time",
                "chart-pareto-memory", "chart-throughput", "chart-flops", "chart-time-to-target")) {
            assertTrue(html.contains("<div class=\"chart\" id=\"" + id + "\">"), id);
            assertTrue(chartIds(html).contains(id), id + " has data");
        }
        assertTrue(html.contains("linear probe") && html.contains("LP-FT") && html.contains("from scratch"));
    }

    @Test
    void listsFailedAndDivergedCellsWithTheirReasons() throws Exception {
        String html = render(RunFixtures.Spec.small("r"));
        String problems = html.substring(html.indexOf("<h2>Failed and diverged cells</h2>"), html.indexOf("<h2>Every cell</h2>"));
        assertTrue(problems.contains("EngineException: out of memory"), problems);
        assertTrue(problems.contains("loss 250 exceeded 100x the first step&#39;s"), problems);
        assertTrue(problems.contains("class=\"failed\">failed</td>") && problems.contains("class=\"diverged\">diverged</td>"));
        assertTrue(html.contains("1 diverged") && html.contains("1 failed"));
    }

    @Test
    void textFromRecordsRendersAsTextNeverAsMarkup() throws Exception {
        String html = render(RunFixtures.Spec.small("r").withText(HOSTILE));
        assertFalse(html.contains(HOSTILE), "raw markup from a record reached the page");
        assertFalse(html.contains("<script>alert"));
        // Escaped in the HTML: description, label and failure reason...
        String escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;";
        assertTrue(html.contains("Generated records for report tests" + escaped));
        assertTrue(html.contains("EngineException: out of memory" + escaped));
    }

    @Test
    void aHostileSuiteNameInTheRecordsIsEscapedToo() throws Exception {
        Path run = RunFixtures.write(root, RunFixtures.Spec.small("r"));
        String yaml = Files.readString(run.resolve("suite.resolved.yaml")).replace("suite: fixture",
                "suite: \"" + HOSTILE + "\"");
        Files.writeString(run.resolve("suite.resolved.yaml"), yaml);
        String html = Files.readString(new ReportWriter(root.resolve("no.lock")).writeRunReport(run, run.resolve("index.html")));
        assertFalse(html.contains(HOSTILE));
        assertTrue(html.contains("<title>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; / r · TransferBench</title>"));
    }

    @Test
    void chartLabelsWithMarkupStayInsideTheDataScriptAndReadBackUnchanged() throws Exception {
        Path run = RunFixtures.write(root, new RunFixtures.Spec("fixture", "r", 1, 1, 3, 1.0, "v", false, ""));
        // A grid value with markup in it: it becomes part of a configuration's label, and so of the charts.
        for (var cell : RunDirectory.read(run).cells().subList(0, 3)) {
            Path file = run.resolve("cells").resolve(cell.cellId() + ".json");
            Files.writeString(file, Files.readString(file).replace("\"warmup-cosine\"", "\"" + HOSTILE + "\""));
        }
        String html = Files.readString(new ReportWriter(root.resolve("no.lock")).writeRunReport(run, run.resolve("index.html")));
        assertFalse(html.contains(HOSTILE));
        assertFalse(chartData(html).contains("<"));
        JsonNode data = new ObjectMapper().readTree(chartData(html));
        List<String> labels = new ArrayList<>();
        data.findValues("categories").forEach(c -> c.forEach(l -> labels.add(l.asText())));
        assertTrue(labels.contains("finetune freeze=all schedule=" + HOSTILE), labels.toString());
        assertTrue(html.contains("schedule=&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    }

    private static String chartData(String html) {
        Matcher m = DATA.matcher(html);
        assertTrue(m.find(), "no chart data");
        return m.group(1);
    }

    private static List<String> chartIds(String html) throws Exception {
        List<String> ids = new ArrayList<>();
        new ObjectMapper().readTree(chartData(html)).path("charts").forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }
}
