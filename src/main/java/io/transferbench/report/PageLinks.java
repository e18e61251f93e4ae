package io.transferbench.report;

/**
 * Where a page's links point, relative to the page, so that pages work from {@code file://}
 * and from any static host.
 *
 * @param assets prefix of the bundled scripts and styles, ending in "/"
 * @param data prefix of the run's own files (CSVs, records), "" or ending in "/"
 * @param home the site's index, or null for a report outside a site
 */
public record PageLinks(String assets, String data, String home) {

    static final String ASSETS_DIR = "assets";

    /** A report written into its run directory: the files sit beside it. */
    static PageLinks standalone() {
        return new PageLinks(ASSETS_DIR + "/", "", null);
    }
}
