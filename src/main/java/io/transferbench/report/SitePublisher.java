package io.transferbench.report;

import io.transferbench.BenchException;
import io.transferbench.IoReason;
import io.transferbench.results.AtomicFiles;
import io.transferbench.results.CellRecord;
import io.transferbench.results.PredictionPicture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Builds the static site from a tree of run directories ({@code reports/<suite>/<run-id>/}):
 * <pre>
 *   index.html                          suites, machines, runs
 *   assets/                             Chart.js, its licence, style and page script
 *   runs/&lt;suite&gt;/&lt;run-id&gt;/index.html     each run's report, with its CSVs and records beside it
 *   compare/&lt;suite&gt;-&lt;n&gt;/index.html       runs of the same experiment side by side
 *   atlas/index.html                    the transfer atlas: every suite's answers side by side
 * </pre>
 * Runs of the same experiment are runs of one suite whose cells match and differ in no setting
 * that changes what a cell computes: the same grid, run on other machines or by other harness
 * versions (older records read with the settings their harness used). Every link is relative. The site directory is
 * rebuilt on each publish; a directory that is not a site is never overwritten.
 */
public final class SitePublisher {

    /** Marks a directory as a published site, so that publishing may replace its content. */
    static final String MARKER = ".transferbench-site";
    private static final List<String> RUN_FILES = List.of(RunDirectory.ENV_FILE, RunDirectory.SUITE_FILE);
    /** What publish writes at the site's root; anything else there (CNAME, .nojekyll) is the user's. */
    private static final List<String> OWN_ENTRIES = List.of(MARKER, "index.html", PageLinks.ASSETS_DIR, "runs",
            "compare", "atlas");

    private final ReportWriter writer;

    public SitePublisher(ReportWriter writer) {
        this.writer = writer;
    }

    /**
     * What was published.
     *
     * @param kept the entries at the site's root that publish did not write and left in place (CNAME, .nojekyll)
     */
    public record Published(Path index, int runs, int comparisons, List<String> kept) {}

    public Published publish(Path reportsRoot, Path site) {
        List<RunDirectory> runs = findRuns(reportsRoot);
        if (runs.isEmpty()) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "no run directories under " + reportsRoot
                    + " (expected <suite>/<run-id>/ with suite.resolved.yaml, env.json and cells/)");
        }
        List<String> kept = prepare(site);
        ReportAssets.writeTo(site.resolve(PageLinks.ASSETS_DIR));
        // By identity: a run's record equality would compare every cell.
        Map<RunDirectory, Path> pages = new IdentityHashMap<>();
        for (RunDirectory run : runs) {
            // The site mirrors the reports tree: its directory names are already safe as paths.
            Path dir = site.resolve("runs").resolve(reportsRoot.relativize(run.dir()).toString());
            copyRunFiles(run, dir);
            writer.writeRunPage(run, dir.resolve("index.html"), links(site, dir));
            pages.put(run, dir.resolve("index.html"));
        }
        Map<String, List<Link>> comparisons = new LinkedHashMap<>();
        int n = 0;
        for (List<RunDirectory> experiment : experiments(runs)) {
            String suite = experiment.get(0).suiteName();
            List<Link> ofSuite = comparisons.computeIfAbsent(suite, s -> new ArrayList<>());
            String suiteDir = experiment.get(0).dir().getParent().getFileName().toString();
            Path dir = site.resolve("compare").resolve(suiteDir + "-" + (ofSuite.size() + 1));
            List<String> hrefs = experiment.stream().map(r -> RelativeLink.to(dir, pages.get(r))).toList();
            writer.writeComparisonPage(experiment, hrefs, dir.resolve("index.html"), links(site, dir));
            ofSuite.add(new Link(String.join(" vs ", RunComparison.names(experiment)),
                    RelativeLink.to(site, dir.resolve("index.html"))));
            n++;
        }
        Path atlasDir = site.resolve("atlas");
        Path atlas = atlasDir.resolve("index.html");
        writer.writeAtlas(TransferAtlas.of(runs, r -> RelativeLink.to(atlasDir, pages.get(r)), links(site, atlasDir)), atlas);
        Path index = site.resolve("index.html");
        writer.writeSiteIndex(index(runs, pages, comparisons, site, new Link("Transfer atlas",
                RelativeLink.to(site, atlas))), index);
        return new Published(index, runs.size(), n, kept);
    }

    /** Run directories two levels down, by suite, oldest first. */
    static List<RunDirectory> findRuns(Path reportsRoot) {
        if (!Files.isDirectory(reportsRoot)) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, reportsRoot + " is not a directory");
        }
        try (Stream<Path> dirs = Files.walk(reportsRoot, 2)) {
            return dirs.filter(d -> reportsRoot.relativize(d).getNameCount() == 2 && RunDirectory.isRunDirectory(d))
                    .map(RunDirectory::read)
                    .sorted(Comparator.comparing(RunDirectory::suiteName)
                            .thenComparing(r -> r.env().capturedAt() == null ? "" : r.env().capturedAt())
                            .thenComparing(RunDirectory::runId))
                    .toList();
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "cannot read " + reportsRoot + ": " + IoReason.of(e), e);
        }
    }

    /**
     * Groups of two or more runs of the same experiment, in the order of their first run: each run
     * joins the first group whose first run it matches ({@link RunComparison#sameExperiment}).
     */
    static List<List<RunDirectory>> experiments(List<RunDirectory> runs) {
        List<List<RunDirectory>> groups = new ArrayList<>();
        for (RunDirectory run : runs) {
            groups.stream().filter(g -> RunComparison.sameExperiment(g.get(0), run)).findFirst()
                    .ifPresentOrElse(g -> g.add(run), () -> groups.add(new ArrayList<>(List.of(run))));
        }
        return groups.stream().filter(g -> g.size() > 1).toList();
    }

    private static PageLinks links(Path site, Path pageDir) {
        return new PageLinks(RelativeLink.prefix(pageDir, site.resolve(PageLinks.ASSETS_DIR)), "",
                RelativeLink.to(pageDir, site.resolve("index.html")));
    }

    private static SiteIndex index(List<RunDirectory> runs, Map<RunDirectory, Path> pages,
                                   Map<String, List<Link>> comparisons, Path site, Link atlas) {
        Map<String, SiteIndex.SuiteEntry> suites = new LinkedHashMap<>();
        Map<String, List<Link>> machines = new LinkedHashMap<>();
        Map<String, String> machineNames = new LinkedHashMap<>();
        List<SiteIndex.RunEntry> entries = new ArrayList<>();
        for (RunDirectory run : runs) {
            Link report = new Link(run.suiteName() + " / " + run.runId(), RelativeLink.to(site, pages.get(run)));
            suites.computeIfAbsent(run.suiteName(), s -> new SiteIndex.SuiteEntry(s,
                    run.suite().path("description").asText(""), new ArrayList<>(),
                    comparisons.getOrDefault(s, List.of()))).runs().add(report);
            Machine machine = Machine.of(run.env());
            machineNames.put(machine.key(), machine.name());
            machines.computeIfAbsent(machine.key(), k -> new ArrayList<>()).add(report);
            long ok = run.cells().stream().filter(c -> CellRecord.OK.equals(c.status())).count();
            entries.add(new SiteIndex.RunEntry(run.suiteName(), report, machine.name(),
                    run.env().harnessVersion() + " (" + run.env().harnessCommit() + ")",
                    Formats.when(run.env().capturedAt()), ok + " of " + run.cells().size() + " ok", best(run)));
        }
        List<SiteIndex.MachineEntry> machineEntries = new ArrayList<>();
        machines.forEach((key, links) -> machineEntries.add(new SiteIndex.MachineEntry(machineNames.get(key), links)));
        return new SiteIndex("TransferBench results", new PageLinks(PageLinks.ASSETS_DIR + "/", "", "index.html"),
                atlas, List.copyOf(suites.values()), machineEntries, entries);
    }

    private static String best(RunDirectory run) {
        HeadlineMetric metric = HeadlineMetric.of(run.suite(), run.cells());
        ConfigSummary best = ConfigSummary.bestOnValidation(
                ConfigSummary.of(run.cells(), GridAxes.of(run.suite(), run.cells()), metric), metric);
        return best == null ? Formats.MISSING
                : best.label() + ": test " + metric.name() + " " + Formats.metric(best.test());
    }

    /**
     * The run's own files, records and the files beside each record (pictures, test outcomes: what
     * a reader needs to resample the test set), and CSVs made from the records read (as its report
     * shows them).
     */
    private static void copyRunFiles(RunDirectory run, Path dir) {
        try {
            Files.createDirectories(dir.resolve("cells"));
            run.writeCsvs(dir);
            for (String name : RUN_FILES) {
                Path source = run.dir().resolve(name);
                if (Files.isRegularFile(source)) {
                    Files.copy(source, dir.resolve(name));
                }
            }
            for (CellRecord cell : run.cells()) {
                String name = cell.cellId() + ".json";
                Files.copy(run.dir().resolve("cells").resolve(name), dir.resolve("cells").resolve(name));
                copyTree(run.dir().resolve(PredictionPicture.directoryOf(cell.cellId())),
                        dir.resolve(PredictionPicture.directoryOf(cell.cellId())));
            }
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "cannot copy " + run.dir() + " into the site: "
                    + IoReason.of(e), e);
        }
    }

    /**
     * Removes what an earlier publish wrote; refuses a non-empty directory that is not a site.
     * Returns the root entries kept because publish did not write them.
     */
    private static List<String> prepare(Path site) {
        List<String> kept = new ArrayList<>();
        try {
            if (Files.isDirectory(site)) {
                List<Path> entries;
                try (Stream<Path> list = Files.list(site)) {
                    entries = list.sorted().toList();
                }
                if (!entries.isEmpty() && !Files.exists(site.resolve(MARKER))) {
                    throw new BenchException(BenchException.EXIT_BAD_INPUT, site + " is not empty and is not a"
                            + " TransferBench site (no " + MARKER + "); choose an empty or new --site directory");
                }
                for (Path entry : entries) {
                    if (OWN_ENTRIES.contains(entry.getFileName().toString())) {
                        deleteTree(entry);
                    } else {
                        kept.add(entry.getFileName().toString());
                    }
                }
            }
            Files.createDirectories(site);
            AtomicFiles.write(site.resolve(MARKER),
                    ("Written by `bench publish`; the next publish replaces what it wrote here (" + String.join(", ",
                            OWN_ENTRIES) + ") and keeps any other file.\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "cannot prepare site " + site + ": " + IoReason.of(e),
                    e);
        }
        return kept;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
