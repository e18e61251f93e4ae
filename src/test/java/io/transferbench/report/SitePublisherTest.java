package io.transferbench.report;

import io.transferbench.BenchException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transferbench.results.TestOutcomesFile;
import io.transferbench.suite.ConfigSchema;
import io.transferbench.tasks.ExampleOutcomes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SitePublisherTest {

    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

    @TempDir
    Path root;

    /** Two runs of one experiment (other harness versions), one run of another profile, one other suite. */
    static Path reports(Path root) {
        Path reports = root.resolve("reports");
        RunFixtures.write(reports, RunFixtures.Spec.small("default-1"));
        RunFixtures.write(reports, RunFixtures.Spec.small("default-2").slowedBy(1.5).withHarness("fixture-2"));
        Path full = RunFixtures.write(reports, new RunFixtures.Spec("fixture", "full-1", 2, 1, 3, 1.0, "fixture-1", false,
                ""));
        // Another profile trains longer: its cells line up with the default runs' but are another experiment.
        RunFixtures.rewriteConfigs(full, config -> ((ObjectNode) config.get("training")).put("epochs", 30),
                ConfigSchema.CURRENT);
        RunFixtures.write(reports, new RunFixtures.Spec("other", "run with space", 1, 2, 2, 1.0, "fixture-1", false, ""));
        return reports;
    }

    @Test
    void publishesEveryRunAComparisonPerExperimentAndAnIndex() throws Exception {
        Path site = root.resolve("site");
        SitePublisher.Published published = new SitePublisher(new ReportWriter(root.resolve("no.lock")))
                .publish(reports(root), site);
        assertEquals(4, published.runs());
        assertEquals(1, published.comparisons());
        assertTrue(Files.exists(site.resolve("runs/fixture/default-1/index.html")));
        assertTrue(Files.exists(site.resolve("runs/fixture/default-1/results.csv")));
        assertTrue(Files.exists(site.resolve("runs/other/run with space/index.html")));
        assertTrue(Files.exists(site.resolve("compare/fixture-1/index.html")));
        assertTrue(Files.readString(site.resolve("atlas/index.html")).contains("run with space"),
                "the atlas reads every suite's result set");
        assertTrue(Files.exists(site.resolve("assets/chart.umd.min.js")));
        String index = Files.readString(site.resolve("index.html"));
        assertTrue(index.contains("<a href=\"compare/fixture-1/index.html\">default-1 vs default-2</a>"), index);
        assertTrue(index.contains("runs/other/run%20with%20space/index.html"));
        assertTrue(index.contains("Fixture CPU (generated records) [Fixture family 1 model 2 stepping 3, 2.00 GHz], 2 threads,"
                + " CPU"), index);
        String compare = Files.readString(site.resolve("compare/fixture-1/index.html"));
        assertTrue(compare.contains("href=\"../../runs/fixture/default-1/index.html\""));
        assertTrue(compare.contains("0.67×"), "1.5x slower run");
    }

    /** A reader of the site can resample the test set (bootstrap intervals) as the atlas did. */
    @Test
    void eachCellsFilesTravelWithItsRecord() throws Exception {
        Path reports = reports(root);
        Path run = reports.resolve("fixture/default-1");
        String cell;
        try (Stream<Path> records = Files.list(run.resolve("cells"))) {
            cell = records.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().findFirst()
                    .orElseThrow().replace(".json", "");
        }
        byte[] outcomes = new ExampleOutcomes(new int[] {0, 1, 1}, new int[] {0, 1, 0}).csv();
        Path source = run.resolve(TestOutcomesFile.of(cell));
        Files.createDirectories(source.getParent());
        Files.write(source, outcomes);
        Path site = root.resolve("site");
        new SitePublisher(new ReportWriter(root.resolve("no.lock"))).publish(reports, site);
        assertArrayEquals(outcomes, Files.readAllBytes(site.resolve("runs/fixture/default-1")
                .resolve(TestOutcomesFile.of(cell))));
    }

    @Test
    void everyLinkIsRelativeAndPointsAtAFileOfTheSite() throws Exception {
        Path site = root.resolve("site");
        new SitePublisher(new ReportWriter(root.resolve("no.lock"))).publish(reports(root), site);
        int checked = 0;
        for (Path page : pages(site)) {
            Matcher m = LINK.matcher(Files.readString(page));
            while (m.find()) {
                String href = m.group(1);
                assertFalse(href.startsWith("/") || href.contains("://") || href.startsWith("file:"),
                        page + ": " + href);
                Path target = page.getParent().resolve(URLDecoder.decode(href, StandardCharsets.UTF_8)).normalize();
                assertTrue(target.startsWith(site) && Files.isRegularFile(target), page + " links to missing " + href);
                checked++;
            }
        }
        assertTrue(checked > 100, "checked " + checked + " links");
    }

    @Test
    void refusesToOverwriteADirectoryThatIsNotASiteAndRebuildsOneThatIs() throws Exception {
        Path mine = root.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("notes.txt"), "keep me");
        SitePublisher publisher = new SitePublisher(new ReportWriter(root.resolve("no.lock")));
        Path reports = reports(root);
        BenchException e = assertThrows(BenchException.class, () -> publisher.publish(reports, mine));
        assertTrue(e.getMessage().contains("not a TransferBench site"));
        assertEquals("keep me", Files.readString(mine.resolve("notes.txt")));

        Path site = root.resolve("site");
        publisher.publish(reports, site);
        Files.writeString(site.resolve("runs/stale.html"), "left from an earlier publish");
        publisher.publish(reports, site);
        assertFalse(Files.exists(site.resolve("runs/stale.html")));
        assertTrue(Files.exists(site.resolve("index.html")));
    }

    private static List<Path> pages(Path site) throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            return files.filter(f -> f.toString().endsWith(".html")).toList();
        }
    }
}
