package io.transferbench.report;

import io.transferbench.BenchException;
import io.transferbench.IoReason;
import io.transferbench.results.AtomicFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The files every page loads, written next to the pages: the page script and style, and
 * Chart.js with its licence from the WebJar on the classpath (pinned by the pom), so that pages
 * need no network.
 */
final class ReportAssets {

    static final String CHART_JS = "chart.umd.min.js";
    static final String CHART_JS_LICENCE = "chart.js-LICENSE.md";

    private static final String OWN = "/io/transferbench/report/assets/";
    private static final String WEBJAR = "/META-INF/resources/webjars/chart.js/";
    private static final String WEBJAR_POM = "/META-INF/maven/org.webjars.npm/chart.js/pom.properties";

    private ReportAssets() {}

    static void writeTo(Path dir) {
        String chartJs = WEBJAR + chartJsVersion() + "/";
        copy(OWN + "report.css", dir.resolve("report.css"));
        copy(OWN + "report.js", dir.resolve("report.js"));
        copy(chartJs + "dist/chart.umd.min.js", dir.resolve(CHART_JS));
        copy(chartJs + "LICENSE.md", dir.resolve(CHART_JS_LICENCE));
    }

    /** The bundled Chart.js version, as the WebJar's own Maven metadata gives it. */
    static String chartJsVersion() {
        Properties pom = new Properties();
        try (InputStream in = resource(WEBJAR_POM)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static void copy(String resource, Path target) {
        try (InputStream in = resource(resource)) {
            AtomicFiles.write(target, in.readAllBytes());
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "cannot write " + target + ": " + IoReason.of(e), e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ReportAssets.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath (a broken build)");
        }
        return in;
    }
}
