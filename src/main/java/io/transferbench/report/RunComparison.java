package io.transferbench.report;

import io.transferbench.BenchException;
import io.transferbench.results.CellRecord;
import io.transferbench.results.EnvironmentInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Runs of the same suite side by side: on other machines or other harness versions. The first
 * run is the baseline. Configurations are matched by their grid coordinates and identity
 * ({@link ConfigMatching}), so the same grid cell lines up across runs and harness versions;
 * speed-ups and metric differences are taken per configuration over the seeds, with a Welch
 * interval to say which differences are within noise ({@link MeanDifference}).
 */
public record RunComparison(
        String title,
        PageLinks links,
        String suite,
        String metric,
        List<RunColumn> runs,
        List<EnvironmentRow> environment,
        List<FamilySpeedUp> strategies,
        List<ComparedConfig> configurations,
        List<ConfigMatching.SettingRow> settings,
        List<String> unmatched,
        List<String> charts,
        String chartJson) {

    /** The rule the page states, in words. */
    public static final String NOISE_RULE = "A difference is within noise when the 95% Welch confidence interval of"
            + " the difference of the means over seeds contains zero, i.e. Welch's two-sided t-test at the 5% level does"
            + " not reject equal means. With one seed on either side there is no interval, and the page says so.";

    /**
     * @param href link to the run's report, or null when there is none
     */
    public record RunColumn(String runId, String href, String machine, String harness, String when, String cells,
                            boolean baseline) {}

    public record EnvironmentRow(String label, List<String> values, boolean differs) {}

    /** Geometric mean of the per-configuration speed-ups of a strategy family, one per run. */
    public record FamilySpeedUp(String family, List<String> speedUps) {}

    public record ComparedConfig(String label, String family, List<Side> sides) {}

    /**
     * One configuration in one run. Everything but {@code test}, {@code wall}, {@code memory} and
     * {@code throughput} compares with the baseline and is "" in the baseline's column.
     *
     * @param verdictClass CSS class of the metric verdict
     */
    public record Side(boolean present, String test, String delta, String verdict, String verdictClass, String wall,
                       String speedUp, String speedVerdict, String timeToTarget, String memory, String throughput) {
        static final Side ABSENT = new Side(false, Formats.MISSING, "", "", "", Formats.MISSING, "", "",
                Formats.MISSING, Formats.MISSING, Formats.MISSING);
    }

    /** For the page: {@link #NOISE_RULE}. */
    public String rule() {
        return NOISE_RULE;
    }

    static RunComparison of(List<RunDirectory> runs, List<String> reportHrefs, PageLinks links) {
        if (runs.size() < 2) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "compare needs at least two run directories");
        }
        String suite = runs.get(0).suiteName();
        for (RunDirectory r : runs) {
            if (!r.suiteName().equals(suite)) {
                throw new BenchException(BenchException.EXIT_BAD_INPUT, "compare shows runs of one suite; " + r.dir()
                        + " is a run of '" + r.suiteName() + "', not '" + suite + "'");
            }
        }
        RunDirectory baseline = runs.get(0);
        HeadlineMetric metric = HeadlineMetric.of(baseline.suite(), baseline.cells());
        List<String> names = names(runs);
        ConfigMatching matching = match(runs, metric, names);
        if (matching.rows().isEmpty() && !matching.identityConflicts().isEmpty()) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "these runs cannot be compared: "
                    + String.join("; ", matching.identityConflicts())
                    + ". Runs compare only where task, model, dataset and asset digests agree");
        }
        List<ComparedConfig> rows = new ArrayList<>();
        for (List<ConfigSummary> row : matching.rows()) {
            ConfigSummary base = row.get(0);
            List<Side> sides = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                sides.add(side(base, row.get(i), i == 0));
            }
            rows.add(new ComparedConfig(base.label(), base.family().text(), sides));
        }
        List<ChartSpec> charts = new CompareCharts(names, matching.rows(), metric).all();
        return new RunComparison(suite + ": " + runs.size() + " runs compared", links, suite,
                metric.name() + " (" + metric.direction() + ")", columns(runs, names, reportHrefs), environment(runs),
                familySpeedUps(matching.rows(), runs.size()), rows, matching.settings(), matching.unmatched(),
                charts.stream().map(ChartSpec::id).toList(), ScriptJson.of(Map.of("charts", charts)));
    }

    /**
     * Whether two runs ran the same experiment: one suite, some cells matched, and no setting that
     * changes what a cell computes differs between the matched cells (cost-only ones may).
     */
    static boolean sameExperiment(RunDirectory a, RunDirectory b) {
        if (!a.suiteName().equals(b.suiteName())) {
            return false;
        }
        List<RunDirectory> runs = List.of(a, b);
        return match(runs, HeadlineMetric.of(a.suite(), a.cells()), names(runs)).sameExperiment();
    }

    /** Summaries labelled by the first run's axes, matched across the runs. */
    private static ConfigMatching match(List<RunDirectory> runs, HeadlineMetric metric, List<String> names) {
        GridAxes axes = GridAxes.of(runs.get(0).suite(), runs.stream().flatMap(r -> r.cells().stream()).toList());
        return ConfigMatching.of(runs, runs.stream().map(r -> ConfigSummary.of(r.cells(), axes, metric)).toList(),
                names);
    }

    private static Side side(ConfigSummary base, ConfigSummary other, boolean isBaseline) {
        if (other == null) {
            return Side.ABSENT;
        }
        String test = Formats.metric(other.test()) + " (" + other.seedsText() + ")";
        String wall = Formats.seconds(other.wallSeconds().mean());
        String ttt = other.reachedTarget() == 0 ? "not reached" : Formats.seconds(other.timeToTarget().mean())
                + " (" + other.reachedTarget() + "/" + other.group().ok().size() + ")";
        String memory = Formats.megabytes(other.peakRssBytes().mean());
        String throughput = Formats.rate(other.trainSamplesPerSecond().mean());
        if (isBaseline) {
            return new Side(true, test, "", "baseline", "", wall, "", "", ttt, memory, throughput);
        }
        MeanDifference quality = MeanDifference.between(base.test(), other.test());
        MeanDifference time = MeanDifference.between(base.wallSeconds(), other.wallSeconds());
        String interval = Double.isNaN(quality.low()) ? ""
                : " [" + Formats.delta(quality.low()) + ", " + Formats.delta(quality.high()) + "]";
        String speedVerdict = switch (time.verdict()) {
            case LOWER -> "faster";
            case HIGHER -> "slower";
            default -> time.verdict().text();
        };
        return new Side(true, test, Formats.delta(quality.delta()) + interval, quality.verdict().text(),
                quality.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'), wall,
                Formats.ratio(speedUp(base, other)), speedVerdict, ttt, memory, throughput);
    }

    /** Baseline wall time over this run's: above 1 means this run is faster. */
    static double speedUp(ConfigSummary base, ConfigSummary other) {
        return base.wallSeconds().mean() / other.wallSeconds().mean();
    }

    private static List<FamilySpeedUp> familySpeedUps(List<List<ConfigSummary>> matched, int runCount) {
        List<FamilySpeedUp> rows = new ArrayList<>();
        for (StrategyFamily family : StrategyFamily.values()) {
            List<List<ConfigSummary>> members = matched.stream().filter(r -> r.get(0).family() == family).toList();
            if (members.isEmpty()) {
                continue;
            }
            List<String> perRun = new ArrayList<>(List.of("baseline"));
            for (int run = 1; run < runCount; run++) {
                double logSum = 0;
                int n = 0;
                for (List<ConfigSummary> row : members) {
                    double s = speedUp(row.get(0), row.get(run));
                    if (Double.isFinite(s) && s > 0) {
                        logSum += Math.log(s);
                        n++;
                    }
                }
                perRun.add(n == 0 ? Formats.MISSING : Formats.ratio(Math.exp(logSum / n)));
            }
            rows.add(new FamilySpeedUp(family.text(), perRun));
        }
        return rows;
    }

    /** Run ids name the columns; runs of one suite on two machines often share the default id, so repeats get a number. */
    static List<String> names(List<RunDirectory> runs) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            String id = runs.get(i).runId();
            boolean repeated = runs.stream().filter(r -> r.runId().equals(id)).count() > 1;
            names.add(repeated ? id + " #" + (i + 1) : id);
        }
        return names;
    }

    private static List<RunColumn> columns(List<RunDirectory> runs, List<String> names, List<String> hrefs) {
        List<RunColumn> columns = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunDirectory r = runs.get(i);
            long ok = r.cells().stream().filter(c -> CellRecord.OK.equals(c.status())).count();
            columns.add(new RunColumn(names.get(i), hrefs.get(i), Machine.of(r.env()).name(),
                    r.env().harnessVersion() + " (" + r.env().harnessCommit() + ")", Formats.when(r.env().capturedAt()),
                    ok + " of " + r.cells().size() + " ok", i == 0));
        }
        return columns;
    }

    private static List<EnvironmentRow> environment(List<RunDirectory> runs) {
        Map<String, Function<EnvironmentInfo, Object>> fields = new LinkedHashMap<>();
        fields.put("CPU", Machine::cpu);
        fields.put("cores / threads", e -> e.physicalCores() + " / " + e.logicalCores());
        fields.put("memory", e -> Formats.megabytes(e.memoryBytes()));
        fields.put("device", EnvironmentInfo::device);
        fields.put("GPUs", e -> e.gpus() == null || e.gpus().isEmpty() ? "none" : String.join(", ", e.gpus()));
        fields.put("GPU driver", EnvironmentInfo::gpuDriver);
        fields.put("OS", EnvironmentInfo::os);
        fields.put("JVM", EnvironmentInfo::jvm);
        fields.put("DJL", EnvironmentInfo::djlVersion);
        fields.put("engine", e -> e.engine() + " " + e.engineVersion() + ", " + Machine.engineThreads(e));
        fields.put("harness", e -> e.harnessVersion() + " (" + e.harnessCommit() + ")");
        fields.put("host", Machine::host);
        List<EnvironmentRow> rows = new ArrayList<>();
        fields.forEach((label, field) -> {
            List<String> values = runs.stream().map(r -> Objects.toString(field.apply(r.env()), "none")).toList();
            rows.add(new EnvironmentRow(label, values, values.stream().distinct().count() > 1));
        });
        return rows;
    }
}
