package io.transferbench.report;

import io.transferbench.results.TestOutcomesFile;
import io.transferbench.tasks.ExampleOutcomes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What one result set of a suite can answer: its configurations with their statistics over seeds,
 * and the comparisons the atlas draws from them. Every choice among configurations is made on
 * validation, and every reported number is on test, as in the run reports; differences carry
 * Welch's 95% interval over seeds ({@link MeanDifference}).
 */
final class SuiteEvidence {

    /** Families that train some pretrained stage: what "fine-tuning" means against a linear probe. */
    static final Set<StrategyFamily> FINE_TUNING = Set.of(StrategyFamily.PARTIAL, StrategyFamily.FULL,
            StrategyFamily.LP_FT, StrategyFamily.GRADUAL);
    /** Plain fine-tuning: one phase, the stages above the freeze depth trained from the first step. */
    static final Set<StrategyFamily> PLAIN = Set.of(StrategyFamily.PARTIAL, StrategyFamily.FULL);

    private final RunDirectory run;
    private final HeadlineMetric metric;
    private final GridAxes axes;
    private final List<ConfigSummary> configs;
    private final Map<ConfigSummary, List<ExampleOutcomes>> outcomes = new IdentityHashMap<>();

    private SuiteEvidence(RunDirectory run) {
        this.run = run;
        this.metric = HeadlineMetric.of(run.suite(), run.cells());
        this.axes = GridAxes.of(run.suite(), run.cells());
        this.configs = ConfigSummary.of(run.cells(), axes, metric);
    }

    static SuiteEvidence of(RunDirectory run) {
        return new SuiteEvidence(run);
    }

    RunDirectory run() {
        return run;
    }

    HeadlineMetric metric() {
        return metric;
    }

    GridAxes axes() {
        return axes;
    }

    List<ConfigSummary> configs() {
        return configs;
    }

    /** The configuration best on validation among those {@code which} accepts; null when none has a score. */
    ConfigSummary best(Predicate<ConfigSummary> which) {
        return ConfigSummary.bestOnValidation(configs.stream().filter(which).toList(), metric);
    }

    ConfigSummary best() {
        return best(c -> true);
    }

    static Predicate<ConfigSummary> in(Set<StrategyFamily> families) {
        return c -> families.contains(c.family());
    }

    static Predicate<ConfigSummary> is(StrategyFamily family) {
        return c -> c.family() == family;
    }

    /** A grid axis's value in a configuration ("0.0001", "standard", "all"). */
    String value(ConfigSummary c, String axis) {
        return GridAxes.value(c.group().config(), axis);
    }

    /** The values of {@code axis} the result set holds, in the order they first appear in the grid. */
    List<String> values(String axis) {
        return configs.stream().map(c -> value(c, axis)).distinct().toList();
    }

    /** Whether the result set holds more than one value of {@code axis}. */
    boolean varies(String axis) {
        return values(axis).size() > 1;
    }

    /**
     * The configuration best on validation for each value of {@code axis} among those
     * {@code which} accepts, in the order the values first appear in the grid.
     */
    Map<String, ConfigSummary> bestPer(String axis, Predicate<ConfigSummary> which) {
        Map<String, List<ConfigSummary>> byValue = new LinkedHashMap<>();
        configs.stream().filter(which).forEach(c -> byValue.computeIfAbsent(value(c, axis), v -> new ArrayList<>()).add(c));
        Map<String, ConfigSummary> best = new LinkedHashMap<>();
        byValue.forEach((v, cs) -> {
            ConfigSummary b = ConfigSummary.bestOnValidation(cs, metric);
            if (b != null) {
                best.put(v, b);
            }
        });
        return best;
    }

    /** {@code other}'s test mean minus {@code baseline}'s, with its interval over seeds. */
    static MeanDifference difference(ConfigSummary baseline, ConfigSummary other) {
        return MeanDifference.between(baseline.test(), other.test());
    }

    /** The same on one of the dataset's further evaluation sets (out of distribution, for example). */
    MeanDifference difference(ConfigSummary baseline, ConfigSummary other, String testSet) {
        return MeanDifference.between(otherTest(baseline, testSet), otherTest(other, testSet));
    }

    SeedStatistics otherTest(ConfigSummary c, String testSet) {
        return c.group().stats(cell -> metric.otherTest(cell, testSet));
    }

    /** The further evaluation sets the records hold, by name, in the order first seen. */
    List<String> otherTestSets() {
        return run.cells().stream().flatMap(c -> c.otherTests().keySet().stream()).distinct().toList();
    }

    /** Whether {@code d} (other − baseline) is significantly in the headline metric's better direction. */
    boolean better(MeanDifference d) {
        return d.verdict() == (metric.higherIsBetter() ? MeanDifference.Verdict.HIGHER : MeanDifference.Verdict.LOWER);
    }

    /** Whether {@code d} (other − baseline) is significantly in the headline metric's worse direction. */
    boolean worse(MeanDifference d) {
        return d.verdict() == (metric.higherIsBetter() ? MeanDifference.Verdict.LOWER : MeanDifference.Verdict.HIGHER);
    }

    /**
     * Whether {@code candidate} is within noise of {@code best} or better on test: its difference
     * from it is not significantly in the worse direction.
     */
    boolean notWorse(ConfigSummary best, ConfigSummary candidate) {
        return !worse(difference(best, candidate));
    }

    /** The test outcomes of a configuration's ok cells; empty unless every one of them kept its own. */
    List<ExampleOutcomes> outcomes(ConfigSummary c) {
        return outcomes.computeIfAbsent(c, k -> {
            List<ExampleOutcomes> kept = k.group().ok().stream()
                    .map(cell -> TestOutcomesFile.read(run.dir(), cell.cellId())).flatMap(Optional::stream).toList();
            return kept.size() == k.group().ok().size() ? kept : List.of();
        });
    }

    /** The bootstrap interval over test examples of {@code other - baseline}, or null where the records cannot give one. */
    TestBootstrap.Interval bootstrap(ConfigSummary baseline, ConfigSummary other) {
        return TestBootstrap.difference(outcomes(baseline), outcomes(other), metric.name());
    }

    /** The cheapest of {@code candidates} by mean wall time per cell. */
    static ConfigSummary cheapest(List<ConfigSummary> candidates) {
        return candidates.stream().filter(c -> Double.isFinite(c.wallSeconds().mean()))
                .min(Comparator.comparingDouble(c -> c.wallSeconds().mean())).orElse(null);
    }

    /** Share of the network's parameters a configuration trains, from its records (0 to 1). */
    static double trainedShare(ConfigSummary c) {
        return c.group().ok().stream().filter(r -> r.paramsTotal() > 0)
                .mapToDouble(r -> (double) r.paramsTrainable() / r.paramsTotal()).average().orElse(Double.NaN);
    }
}
