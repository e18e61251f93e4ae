package io.transferbench.report;

import io.transferbench.results.CellRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The transfer atlas: the questions every transfer-learning tutorial asks, answered by every
 * suite that has a result set, one column per suite grouped by domain. Each suite is read from
 * one result set: its newest complete one ({@link RunDirectory#complete}; the one with the most
 * ok cells where no set is complete), so a profile that gained a strategy is read as it is now;
 * costs name every machine the suite ran on. Configurations are chosen on validation and reported
 * on test, with 95% intervals over seeds; where a number contradicts a published finding the cell
 * says which.
 *
 * @param columns the suites, grouped by domain
 * @param domains the domains over the columns, with how many columns each spans
 * @param charts chart data for {@code report.js}, safe for a script element
 */
public record TransferAtlas(String title, PageLinks links, List<Column> columns, List<DomainSpan> domains,
                           List<Section> sections, String charts) {

    /** Domains in the order the atlas shows them; a task outside them is its own domain, last. */
    static final Map<String, String> DOMAINS = domainNames();

    private static Map<String, String> domainNames() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("text-classification", "text classification");
        d.put("image-classification", "image classification");
        d.put("audio-classification", "audio classification");
        d.put("semantic-segmentation", "semantic segmentation");
        d.put("object-detection", "object detection");
        d.put("vector-classification", "synthetic");
        return d;
    }

    /**
     * @param run the result set the column is read from, linked to its report
     * @param metric the headline metric, with its direction
     */
    public record Column(String suite, String domain, Link run, String machine, String metric, String cells) {}

    public record DomainSpan(String name, int span) {}

    /** A question, its rows, and the chart that shows it, if any. */
    public record Section(String id, String title, String question, List<Row> rows, String chartId) {}

    public record Row(String label, List<AtlasFinding> cells) {}

    static final String DEPTH_CHART = "chart-depth";

    /** Axes that regularise, in the order the atlas lists them, with what it calls them. */
    static final Map<String, String> REGULARISERS = regulariserNames();

    private static Map<String, String> regulariserNames() {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("dataset.options.augment", "augmentation");
        r.put("head.label-smoothing", "label smoothing");
        r.put("training.weight-decay", "weight decay");
        r.put("head.dropout", "dropout before the head");
        return r;
    }

    /**
     * @param runs every run directory published
     * @param pages each run's page, as a link from the atlas
     */
    public static TransferAtlas of(List<RunDirectory> runs, Function<RunDirectory, String> pages, PageLinks links) {
        Map<String, List<RunDirectory>> bySuite = new LinkedHashMap<>();
        runs.forEach(r -> bySuite.computeIfAbsent(r.suiteName(), s -> new ArrayList<>()).add(r));
        List<SuiteEvidence> suites = new ArrayList<>();
        bySuite.values().forEach(all -> {
            RunDirectory main = all.stream().filter(RunDirectory::complete)
                    .max(Comparator.comparing(r -> r.env().capturedAt() == null ? "" : r.env().capturedAt()))
                    .orElseGet(() -> all.stream().max(Comparator.comparingLong(TransferAtlas::okCells)).orElseThrow());
            if (okCells(main) > 0) {
                suites.add(SuiteEvidence.of(main));
            }
        });
        suites.sort(Comparator.comparingInt((SuiteEvidence s) -> domainOrder(task(s))).thenComparing(s -> s.run().suiteName()));

        List<Column> columns = suites.stream().map(s -> new Column(s.run().suiteName(), domain(task(s)),
                new Link(s.run().runId(), pages.apply(s.run())), Machine.of(s.run().env()).name(),
                s.metric().name() + " (" + s.metric().direction() + ")",
                okCells(s.run()) + " of " + s.run().cells().size())).toList();
        List<DomainSpan> spans = new ArrayList<>();
        for (Column c : columns) {
            if (!spans.isEmpty() && spans.get(spans.size() - 1).name().equals(c.domain())) {
                DomainSpan last = spans.remove(spans.size() - 1);
                spans.add(new DomainSpan(last.name(), last.span() + 1));
            } else {
                spans.add(new DomainSpan(c.domain(), 1));
            }
        }
        AtlasQuestions q = new AtlasQuestions(suites, bySuite);
        List<Section> sections = List.of(q.probeOrFineTune(), q.depth(), q.learningRate(), q.twoStage(),
                q.regularisation(), q.pretraining(), q.cost(), q.recommendation());
        String charts = ScriptJson.of(Map.of("charts", List.of(q.depthChart())));
        return new TransferAtlas("Transfer atlas", links, columns, List.copyOf(spans), sections, charts);
    }

    static long okCells(RunDirectory run) {
        return run.cells().stream().filter(c -> CellRecord.OK.equals(c.status())).count();
    }

    private static String task(SuiteEvidence s) {
        return s.run().suite().path("task").asText("");
    }

    static String domain(String task) {
        return DOMAINS.getOrDefault(task, task);
    }

    private static int domainOrder(String task) {
        int i = new ArrayList<>(DOMAINS.keySet()).indexOf(task);
        return i < 0 ? DOMAINS.size() : i;
    }
}
