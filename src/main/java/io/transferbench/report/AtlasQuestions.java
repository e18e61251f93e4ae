package io.transferbench.report;

import io.transferbench.results.CellRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The atlas's questions, each answered for every suite ({@link SuiteEvidence}) as one row of
 * findings per aspect. A finding that contradicts a published result says so next to the number:
 * fine-tuning no better than a linear probe (Kornblith et al. 2019 found it at least as good on
 * all twelve of their datasets), a linear probe as the best depth (Yosinski et al. 2014), LP-FT
 * worse than fine-tuning (Kumar et al. 2022), gradual unfreezing worse than fine-tuning (Howard
 * and Ruder 2018), and pretraining not better than scratch (Kornblith et al. 2019; VTAB, Zhai et
 * al. 2019).
 */
final class AtlasQuestions {

    private final List<SuiteEvidence> suites;
    private final Map<String, List<RunDirectory>> runsBySuite;

    AtlasQuestions(List<SuiteEvidence> suites, Map<String, List<RunDirectory>> runsBySuite) {
        this.suites = suites;
        this.runsBySuite = runsBySuite;
    }

    TransferAtlas.Section probeOrFineTune() {
        List<TransferAtlas.Row> rows = List.of(
                row("linear probe", s -> config(s, s.best(SuiteEvidence.is(StrategyFamily.LINEAR_PROBE)))),
                row("best fine-tuning", s -> config(s, s.best(SuiteEvidence.in(SuiteEvidence.FINE_TUNING)))),
                row("fine-tuning − probe", s -> publishedGain(s, s.best(SuiteEvidence.is(StrategyFamily.LINEAR_PROBE)),
                        s.best(SuiteEvidence.in(SuiteEvidence.FINE_TUNING)), "needs a linear probe and a fine-tuned configuration",
                        "Kornblith et al. 2019 found fine-tuning at least as good as fixed features on all 12 of their"
                                + " datasets")));
        return new TransferAtlas.Section("probe", "Feature extraction or fine-tuning?",
                "How far the linear probe (every stage frozen) falls short of the best fine-tuning.", rows, null);
    }

    TransferAtlas.Section depth() {
        List<TransferAtlas.Row> rows = List.of(
                row("test by freeze depth", s -> {
                    Depths depths = Depths.of(s);
                    return depths == null ? AtlasFinding.missing(Depths.MISSING)
                            : AtlasFinding.of(perValue(depths.byDepth()), "stages frozen from the input side; all = linear probe");
                }),
                row("best depth on validation", s -> {
                    Depths depths = Depths.of(s);
                    if (depths == null) {
                        return AtlasFinding.missing(Depths.MISSING);
                    }
                    String depth = s.value(depths.best(), "freeze");
                    return new AtlasFinding("freeze " + depth, Formats.metric(depths.best().test()), "",
                            depth.equals("all") ? "Yosinski et al. 2014 found fine-tuned transferred layers better than"
                                    + " frozen ones" : "");
                }),
                row("cheapest depth within noise of the best", s -> {
                    Depths depths = Depths.of(s);
                    if (depths == null) {
                        return AtlasFinding.missing(Depths.MISSING);
                    }
                    ConfigSummary best = depths.best();
                    ConfigSummary cheap = SuiteEvidence.cheapest(depths.byDepth().values().stream()
                            .filter(c -> s.notWorse(best, c)).toList());
                    return AtlasFinding.of("freeze " + s.value(cheap, "freeze") + ": " + Formats.seconds(cheap.wallSeconds().mean())
                                    + " per cell", "the best, freeze " + s.value(best, "freeze") + ": "
                                    + Formats.seconds(best.wallSeconds().mean()));
                }));
        return new TransferAtlas.Section("depth", "How many stages to unfreeze?",
                "Test quality against freeze depth (plain fine-tuning, the best other settings per depth on"
                        + " validation), and the cheapest depth that is within noise of the best.", rows,
                TransferAtlas.DEPTH_CHART);
    }

    /** The depth curve of every suite: quality relative to its best depth against the share of parameters trained. */
    ChartSpec depthChart() {
        List<ChartSpec.Series> series = new ArrayList<>();
        String[] colors = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#9c755f", "#76b7b2", "#edc948"};
        for (SuiteEvidence s : suites) {
            Depths depths = Depths.of(s);
            double bestTest = depths == null ? Double.NaN : depths.best().test().mean();
            if (!Double.isFinite(bestTest) || bestTest == 0) {
                continue;
            }
            List<ChartSpec.Point> points = depths.byDepth().values().stream()
                    .map(c -> new ChartSpec.Point(100 * SuiteEvidence.trainedShare(c), c.test().mean() / bestTest,
                            "freeze " + s.value(c, "freeze")))
                    .filter(p -> Double.isFinite(p.x()) && Double.isFinite(p.y()))
                    .sorted((a, b) -> Double.compare(a.x(), b.x())).toList();
            series.add(ChartSpec.Series.points(s.run().suiteName(), colors[series.size() % colors.length], points, false,
                    true));
        }
        return new ChartSpec(TransferAtlas.DEPTH_CHART, "line", "Test quality against the share of parameters trained",
                "parameters trained (%)", "test metric ÷ the best depth's", false, null, series);
    }

    TransferAtlas.Section learningRate() {
        List<TransferAtlas.Row> rows = List.of(
                row("learning rates in the grid", s -> {
                    List<String> lrs = s.values("lr");
                    return AtlasFinding.of(String.join(", ", lrs), lrs.size() < 2 ? "one rate: no spread measured" : "");
                }),
                row("spread over learning rates", s -> {
                    ConfigSummary best = s.best();
                    if (best == null) {
                        return AtlasFinding.missing("no configuration has a validation score");
                    }
                    Map<String, ConfigSummary> byLr = s.bestPer("lr", c -> c.family() == best.family());
                    if (byLr.size() < 2) {
                        return AtlasFinding.missing("one learning rate");
                    }
                    double max = byLr.values().stream().mapToDouble(c -> c.test().mean()).max().orElse(Double.NaN);
                    double min = byLr.values().stream().mapToDouble(c -> c.test().mean()).min().orElse(Double.NaN);
                    return AtlasFinding.of(Formats.metric(max - min), best.family().text() + ", test, from the worst rate to"
                            + " the best");
                }),
                row("test by schedule", s -> {
                    Map<String, ConfigSummary> bySchedule = s.bestPer("schedule", SuiteEvidence.in(SuiteEvidence.FINE_TUNING));
                    if (bySchedule.size() < 2) {
                        return AtlasFinding.missing("one schedule");
                    }
                    return AtlasFinding.of(perValue(bySchedule), "fine-tuning, best per schedule on validation");
                }),
                row("best schedule against the runner-up", s -> {
                    Map<String, ConfigSummary> bySchedule = s.bestPer("schedule", SuiteEvidence.in(SuiteEvidence.FINE_TUNING));
                    if (bySchedule.size() < 2) {
                        return AtlasFinding.missing("one schedule");
                    }
                    List<ConfigSummary> ranked = new ArrayList<>(bySchedule.values());
                    ranked.sort((a, b) -> s.metric().better(a.val().mean(), b.val().mean()) ? -1
                            : s.metric().better(b.val().mean(), a.val().mean()) ? 1 : 0);
                    MeanDifference d = SuiteEvidence.difference(ranked.get(1), ranked.get(0));
                    return AtlasFinding.difference(d, s.value(ranked.get(0), "schedule") + " − "
                            + s.value(ranked.get(1), "schedule") + ", test", "");
                }));
        return new TransferAtlas.Section("lr", "Which learning rate and schedule?",
                "How much quality moves over the grid's learning rates, and the best schedule.", rows, null);
    }

    TransferAtlas.Section twoStage() {
        List<TransferAtlas.Row> rows = new ArrayList<>();
        rows.add(row("plain fine-tuning", s -> config(s, s.best(SuiteEvidence.in(SuiteEvidence.PLAIN)))));
        rows.add(row("LP-FT − fine-tuning", s -> twoStage(s, StrategyFamily.LP_FT, null,
                "Kumar et al. 2022 found LP-FT at least as good as fine-tuning in distribution")));
        rows.add(row("gradual unfreezing − fine-tuning", s -> twoStage(s, StrategyFamily.GRADUAL, null,
                "Howard and Ruder 2018 found gradual unfreezing better than fine-tuning every layer at once")));
        List<String> sets = suites.stream().flatMap(s -> s.otherTestSets().stream()).distinct().toList();
        for (String set : sets) {
            rows.add(row("LP-FT − fine-tuning on " + set, s -> twoStage(s, StrategyFamily.LP_FT, set,
                    "Kumar et al. 2022 found LP-FT better than fine-tuning out of distribution")));
            rows.add(row("gradual unfreezing − fine-tuning on " + set, s -> twoStage(s, StrategyFamily.GRADUAL, set, "")));
        }
        return new TransferAtlas.Section("two-stage", "Do two-stage schemes beat plain fine-tuning?",
                "LP-FT (a linear probe, then fine-tuning) and gradual unfreezing (the head, then one more stage at a"
                        + " time, under one optimizer) against the best plain fine-tuning, on test and on any further"
                        + " evaluation set a dataset has (scenes of categories seen in training, for example).", rows, null);
    }

    private AtlasFinding twoStage(SuiteEvidence s, StrategyFamily family, String set, String literature) {
        if (set != null && !s.otherTestSets().contains(set)) {
            return AtlasFinding.missing("no " + set + " set");
        }
        ConfigSummary plain = s.best(SuiteEvidence.in(SuiteEvidence.PLAIN));
        ConfigSummary staged = s.best(SuiteEvidence.is(family));
        if (plain == null || staged == null) {
            return AtlasFinding.missing("not in the grid");
        }
        MeanDifference d = set == null ? SuiteEvidence.difference(plain, staged) : s.difference(plain, staged, set);
        return AtlasFinding.difference(d, set == null ? withBootstrap(s, plain, staged, "test") : set,
                s.worse(d) ? literature : "");
    }

    TransferAtlas.Section regularisation() {
        List<TransferAtlas.Row> rows = new ArrayList<>();
        TransferAtlas.REGULARISERS.forEach((axis, name) -> {
            rows.add(row(name, s -> {
                if (!s.varies(axis)) {
                    return AtlasFinding.missing("not varied");
                }
                Map<String, ConfigSummary> byValue = s.bestPer(axis, c -> true);
                List<ConfigSummary> values = new ArrayList<>(byValue.values());
                ConfigSummary first = values.get(0);
                ConfigSummary other = ConfigSummary.bestOnValidation(values.subList(1, values.size()), s.metric());
                MeanDifference d = SuiteEvidence.difference(first, other);
                return new AtlasFinding(perValue(byValue), s.value(other, axis) + " − " + s.value(first, axis) + ": "
                        + AtlasFinding.difference(d, "", "").text(), d.verdict().text(), "");
            }));
        });
        return new TransferAtlas.Section("regularisation", "How much does regularisation help?",
                "Each regulariser a suite varies: the best configuration per value on validation, its test score, and"
                        + " the difference of the best other value from the first.", rows, null);
    }

    TransferAtlas.Section pretraining() {
        List<TransferAtlas.Row> rows = List.of(
                row("pretrained − scratch", s -> publishedGain(s, s.best(SuiteEvidence.is(StrategyFamily.SCRATCH)),
                        s.best(c -> c.family() != StrategyFamily.SCRATCH), "no scratch baseline",
                        "Kornblith et al. 2019 and VTAB (Zhai et al. 2019) found pretraining clearly better than training"
                                + " from scratch on small datasets")),
                row("by training-set size", s -> {
                    if (!s.varies("dataset.limit")) {
                        return AtlasFinding.missing("one training-set size");
                    }
                    Map<String, String> gaps = new LinkedHashMap<>();
                    for (String limit : s.values("dataset.limit")) {
                        ConfigSummary scratch = s.best(c -> c.family() == StrategyFamily.SCRATCH
                                && s.value(c, "dataset.limit").equals(limit));
                        ConfigSummary pretrained = s.best(c -> c.family() != StrategyFamily.SCRATCH
                                && s.value(c, "dataset.limit").equals(limit));
                        if (scratch != null && pretrained != null) {
                            MeanDifference d = SuiteEvidence.difference(scratch, pretrained);
                            gaps.put(limit, AtlasFinding.difference(d, "", "").text() + " (" + d.verdict().text() + ")");
                        }
                    }
                    return AtlasFinding.of(gaps.entrySet().stream().map(e -> e.getKey() + " examples: " + e.getValue())
                            .collect(Collectors.joining(" · ")), "pretrained − scratch, test");
                }));
        return new TransferAtlas.Section("pretraining", "What is pretraining worth?",
                "The best pretrained configuration against the same network trained from scratch, overall and per"
                        + " training-set size where a suite varies it.", rows, null);
    }

    TransferAtlas.Section cost() {
        List<TransferAtlas.Row> rows = new ArrayList<>();
        for (StrategyFamily family : StrategyFamily.values()) {
            rows.add(row(family.text(), s -> {
                ConfigSummary c = s.best(SuiteEvidence.is(family));
                if (c == null) {
                    return AtlasFinding.missing("not in the grid");
                }
                return AtlasFinding.of(Formats.seconds(c.wallSeconds().mean()) + " per cell · "
                                + Formats.rate(c.trainSamplesPerSecond().mean()) + " training · "
                                + Formats.megabytes(c.peakRssBytes().mean()) + " peak resident",
                        s.axes().label(c.group().config()));
            }));
        }
        rows.add(row("machines", s -> AtlasFinding.of(runsBySuite.get(s.run().suiteName()).stream()
                .map(r -> Machine.of(r.env()).name() + ": " + Formats.seconds(r.cells().stream()
                        .mapToDouble(CellRecord::wallSeconds).sum()) + " for " + r.cells().size() + " cells ("
                        + r.runId() + ")")
                .collect(Collectors.joining("; ")), "every result set of the suite")));
        return new TransferAtlas.Section("cost", "What does each choice cost?",
                "Wall time per cell, training throughput and peak resident memory of each strategy's best configuration"
                        + " (on the machine of the column's result set), and the time of every result set.", rows, null);
    }

    TransferAtlas.Section recommendation() {
        List<TransferAtlas.Row> rows = List.of(row("cheapest within noise of the best", s -> {
            ConfigSummary best = s.best();
            if (best == null) {
                return AtlasFinding.missing("no configuration has a validation score");
            }
            ConfigSummary cheap = SuiteEvidence.cheapest(s.configs().stream().filter(c -> s.notWorse(best, c)).toList());
            MeanDifference d = SuiteEvidence.difference(best, cheap);
            double speedUp = best.wallSeconds().mean() / cheap.wallSeconds().mean();
            double givesUp = s.metric().higherIsBetter() ? -d.delta() : d.delta();
            String text = s.axes().label(cheap.group().config()) + ": " + Formats.metric(cheap.test()) + " in "
                    + Formats.seconds(cheap.wallSeconds().mean()) + " per cell";
            String detail = cheap == best ? "it is the best on validation"
                    : "the best on validation, " + s.axes().label(best.group().config()) + ", "
                    + Formats.metric(best.test()) + " in " + Formats.seconds(best.wallSeconds().mean()) + ": "
                    + (givesUp >= 0 ? "gives up " + Formats.metric(givesUp) : "gains " + Formats.metric(-givesUp))
                    + " on test for " + Formats.ratio(speedUp) + " less time";
            return new AtlasFinding(text, cheap == best ? detail : withBootstrap(s, best, cheap, detail),
                    cheap == best ? "" : d.verdict().text(), "");
        }));
        return new TransferAtlas.Section("recommendation", "What should I use?",
                "The cheapest configuration whose test score is within noise of the best-on-validation configuration's"
                        + " (Welch's 95% interval over seeds contains no loss), with what it costs and what it gives up.",
                rows, null);
    }

    /**
     * What {@code better} gains over {@code baseline} on test (each the best of its kind on
     * validation), with {@code literature} beside it where the published gain does not show.
     */
    private static AtlasFinding publishedGain(SuiteEvidence s, ConfigSummary baseline, ConfigSummary better,
                                              String missing, String literature) {
        if (baseline == null || better == null) {
            return AtlasFinding.missing(missing);
        }
        MeanDifference d = SuiteEvidence.difference(baseline, better);
        return AtlasFinding.difference(d, withBootstrap(s, baseline, better, "test, best of each on validation"),
                notShown(s, d) ? literature : "");
    }

    /** {@code detail} with the bootstrap interval over test examples of {@code other - baseline}, where the records allow one. */
    private static String withBootstrap(SuiteEvidence s, ConfigSummary baseline, ConfigSummary other, String detail) {
        TestBootstrap.Interval b = s.bootstrap(baseline, other);
        return b == null ? detail : detail + "; resampling the " + b.examples() + " test examples: ["
                + Formats.delta(b.low()) + ", " + Formats.delta(b.high()) + "]";
    }

    private TransferAtlas.Row row(String label, Function<SuiteEvidence, AtlasFinding> answer) {
        return new TransferAtlas.Row(label, suites.stream().map(answer).toList());
    }

    /**
     * The plain fine-tuning and probe configurations best on validation per freeze depth, in grid
     * order, and the best of them.
     */
    private record Depths(Map<String, ConfigSummary> byDepth, ConfigSummary best) {

        static final String MISSING = "one freeze depth";

        /** Null when the result set has fewer than two depths to compare. */
        static Depths of(SuiteEvidence s) {
            Map<String, ConfigSummary> byDepth = s.bestPer("freeze",
                    c -> c.family() == StrategyFamily.LINEAR_PROBE || SuiteEvidence.PLAIN.contains(c.family()));
            ConfigSummary best = ConfigSummary.bestOnValidation(List.copyOf(byDepth.values()), s.metric());
            return best == null || byDepth.size() < 2 ? null : new Depths(byDepth, best);
        }
    }

    /** "value: test ± interval" for each value, as the atlas lists a setting's effect. */
    private static String perValue(Map<String, ConfigSummary> byValue) {
        return byValue.entrySet().stream().map(e -> e.getKey() + ": " + Formats.metric(e.getValue().test()))
                .collect(Collectors.joining(" · "));
    }

    private static AtlasFinding config(SuiteEvidence s, ConfigSummary c) {
        return c == null ? AtlasFinding.missing("not in the grid")
                : AtlasFinding.of(Formats.metric(c.test()), s.axes().label(c.group().config()));
    }

    /**
     * Whether seeds enough to tell leave {@code d} (other − baseline) short of significantly
     * better: a published "better" this result set does not reproduce.
     */
    private static boolean notShown(SuiteEvidence s, MeanDifference d) {
        return d.verdict() != MeanDifference.Verdict.TOO_FEW_SEEDS && !s.better(d);
    }
}
