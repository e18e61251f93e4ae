package io.transferbench.report;

import io.transferbench.results.CellRecord;
import io.transferbench.results.PredictionPicture;
import io.transferbench.results.TestScores;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The configuration best on validation, looked at closely: every metric the task reports and its
 * per-class test scores, on every evaluation set (mean over seeds), and pictures of its predictions
 * where the task drew them. The ranking uses one metric; this is where the others (mAP at 0.5, recall,
 * loss) are read.
 *
 * @param testSets column names of {@code metrics} and {@code perClass}: {@code test}, then the further evaluation sets
 * @param picturesOf the label (seed included) of the cell whose pictures are shown: its first seed with any
 */
public record BestConfigDetail(String label, List<String> testSets, List<ScoreRow> metrics, List<ScoreRow> perClass,
                               List<Picture> pictures, String picturesOf) {

    /** One metric's or one class's scores, one per evaluation set, formatted. */
    public record ScoreRow(String name, List<String> scores) {}

    public record Picture(String href, String caption, List<Swatch> legend) {}

    public record Swatch(String name, String color) {}

    /** Null when there is no best configuration. */
    static BestConfigDetail of(ConfigSummary best, String dataPrefix) {
        if (best == null) {
            return null;
        }
        List<CellRecord> ok = best.group().ok();
        List<String> testSets = new ArrayList<>(List.of("test"));
        ok.forEach(c -> c.otherTests().keySet().stream().filter(t -> !testSets.contains(t)).forEach(testSets::add));
        List<Function<CellRecord, Map<String, Double>>> metricsPerSet = new ArrayList<>();
        metricsPerSet.add(CellRecord::test);
        List<Function<CellRecord, Map<String, Double>>> classesPerSet = new ArrayList<>();
        classesPerSet.add(CellRecord::testPerClass);
        testSets.stream().skip(1).forEach(t -> {
            metricsPerSet.add(c -> c.otherTests().containsKey(t) ? c.otherTests().get(t).metrics() : null);
            classesPerSet.add(c -> c.otherTests().containsKey(t) ? c.otherTests().get(t).perClass() : null);
        });
        List<ScoreRow> metrics = rows(best, metricsPerSet);
        List<ScoreRow> perClass = rows(best, classesPerSet);
        CellRecord pictured = ok.stream().filter(c -> !c.pictures().isEmpty()).findFirst().orElse(null);
        List<Picture> pictures = pictured == null ? List.of() : pictured.pictures().stream()
                .map(p -> picture(p, dataPrefix)).toList();
        return new BestConfigDetail(best.label(), testSets, metrics, perClass, pictures,
                pictured == null ? null : pictured.label());
    }

    /** One row per name any seed reports in any set, in first-seen order; a set lacking a name shows as missing. */
    private static List<ScoreRow> rows(ConfigSummary best, List<Function<CellRecord, Map<String, Double>>> perSet) {
        Set<String> names = new LinkedHashSet<>();
        for (CellRecord c : best.group().ok()) {
            perSet.forEach(f -> {
                if (f.apply(c) != null) {
                    names.addAll(f.apply(c).keySet());
                }
            });
        }
        List<ScoreRow> rows = new ArrayList<>();
        for (String name : names) {
            List<String> scores = new ArrayList<>();
            for (Function<CellRecord, Map<String, Double>> f : perSet) {
                scores.add(Formats.metric(best.group().stats(c -> f.apply(c) == null ? null : f.apply(c).get(name))));
            }
            rows.add(new ScoreRow(name, scores));
        }
        return rows;
    }

    private static Picture picture(PredictionPicture p, String dataPrefix) {
        return new Picture(dataPrefix + p.file(), p.caption(),
                p.legend().entrySet().stream().map(e -> new Swatch(e.getKey(), e.getValue())).toList());
    }
}
