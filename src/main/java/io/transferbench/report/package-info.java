/**
 * What users look at: HTML reports rendered from a run's records alone, comparisons of runs of
 * the same suite across machines and harness versions, and the static site that publishes both.
 *
 * <p>The numbers are computed here in plain, tested classes ({@link
 * io.transferbench.report.SeedStatistics}, {@link io.transferbench.report.ConfigGroup}, {@link
 * io.transferbench.report.ParetoFront}, {@link io.transferbench.report.MeanDifference}); the
 * Freemarker templates under {@code resources/io/transferbench/report/templates} only lay them
 * out, with HTML auto-escaping, and the charts are drawn in the browser by the bundled Chart.js
 * from JSON embedded in each page ({@link io.transferbench.report.ScriptJson}).
 */
package io.transferbench.report;
