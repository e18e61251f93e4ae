package io.transferbench.report;

import io.transferbench.BenchException;
import io.transferbench.IoReason;
import io.transferbench.assets.AssetLock;
import io.transferbench.results.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes report pages: a run's report, a comparison of runs, the site index. Each page is written
 * atomically, with the bundled assets in an {@code assets/} directory beside it unless the caller
 * (the site) keeps them elsewhere.
 */
public final class ReportWriter {

    private final PageRenderer renderer = new PageRenderer();
    private final Optional<AssetLock> lock;

    /**
     * @param lockFile {@code datasets.lock}, for the licence and provenance of the assets a run
     *     used; a run of generated data needs none, so a missing file is no error
     */
    public ReportWriter(Path lockFile) {
        this.lock = Files.isRegularFile(lockFile) ? Optional.of(AssetLock.read(lockFile)) : Optional.empty();
    }

    /**
     * Renders {@code runDir}'s report to {@code page} (usually {@code runDir/index.html}) and
     * regenerates the run's CSVs from the records it read, so page and CSVs agree. Nothing is
     * written until the run has been read and the page rendered: a directory that is not a run
     * gets no {@code assets/}.
     */
    public Path writeRunReport(Path runDir, Path page) {
        Path pageDir = parent(page);
        RunDirectory run = RunDirectory.read(runDir);
        String html = renderRun(run, new PageLinks(PageLinks.ASSETS_DIR + "/", RelativeLink.prefix(pageDir, runDir), null));
        run.writeCsvs(runDir);
        ReportAssets.writeTo(pageDir.resolve(PageLinks.ASSETS_DIR));
        write(page, html);
        return page;
    }

    /**
     * Renders a comparison of runs into {@code outDir/index.html}; the first run is the baseline.
     * Runs that cannot be compared are refused before anything is written.
     */
    public Path writeComparison(List<Path> runDirs, Path outDir) {
        Path page = outDir.resolve("index.html");
        List<RunDirectory> runs = runDirs.stream().map(RunDirectory::read).toList();
        // Link each run's report where one has been rendered; otherwise the column is plain text.
        List<String> hrefs = runDirs.stream().map(d -> Files.isRegularFile(d.resolve("index.html"))
                ? RelativeLink.to(outDir, d.resolve("index.html")) : null).toList();
        String html = renderComparison(runs, hrefs, new PageLinks(PageLinks.ASSETS_DIR + "/", "", null));
        ReportAssets.writeTo(outDir.resolve(PageLinks.ASSETS_DIR));
        write(page, html);
        return page;
    }

    /** The HTML of a run's report. */
    String renderRun(RunDirectory run, PageLinks links) {
        return renderer.render("run.ftlh", RunReport.of(run, lock, links));
    }

    private String renderComparison(List<RunDirectory> runs, List<String> hrefs, PageLinks links) {
        return renderer.render("compare.ftlh", RunComparison.of(runs, hrefs, links));
    }

    void writeRunPage(RunDirectory run, Path page, PageLinks links) {
        write(page, renderRun(run, links));
    }

    void writeComparisonPage(List<RunDirectory> runs, List<String> hrefs, Path page, PageLinks links) {
        write(page, renderComparison(runs, hrefs, links));
    }

    void writeAtlas(TransferAtlas atlas, Path page) {
        write(page, renderer.render("atlas.ftlh", atlas));
    }

    void writeSiteIndex(SiteIndex index, Path page) {
        write(page, renderer.render("site.ftlh", index));
    }

    private static void write(Path page, String html) {
        try {
            AtomicFiles.write(page, html.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "cannot write " + page + ": " + IoReason.of(e), e);
        }
    }

    private static Path parent(Path page) {
        return page.toAbsolutePath().normalize().getParent();
    }
}
