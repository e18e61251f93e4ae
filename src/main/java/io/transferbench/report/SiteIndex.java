package io.transferbench.report;

import java.util.List;

/**
 * The site's front page: the atlas, the suites with their runs and comparisons, the machines with
 * their runs, and every run in one table.
 */
public record SiteIndex(String title, PageLinks links, Link atlas, List<SuiteEntry> suites, List<MachineEntry> machines,
                        List<RunEntry> runs) {

    public record SuiteEntry(String name, String description, List<Link> runs, List<Link> comparisons) {}

    public record MachineEntry(String name, List<Link> runs) {}

    /**
     * @param best the configuration best on validation, with its test metric
     */
    public record RunEntry(String suite, Link report, String machine, String harness, String when, String cells,
                           String best) {}
}
