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
 * The configuration best on validation, looked at closely: its per-class test scores on every
 * evaluation set (mean over seeds), and pictures of its predictions where the task drew them.
 *
 * @param testSets column names of {@code perClass}: {@code test}, then the further evaluation sets
 * @param picturesOf the label (seed included) of the cell whose pictures are shown: its first seed with any
 */
public record BestConfigDetail(String label, List<String> testSets, List<ClassRow> perClass,
                               List<Picture> pictures, String picturesOf) {

    /** One class's scores, one per evaluation set, formatted. */
    public record ClassRow(String name, List<String> scores) {}

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
        List<Function<CellRecord, Map<String, Double>>> perSet = new ArrayList<>();
        perSet.add(CellRecord::testPerClass);
        testSets.stream().skip(1).forEach(t -> perSet.add(c -> {
            TestScores s = c.otherTests().get(t);
            return s == null ? null : s.perClass();
        }));
        Set<String> classes = new LinkedHashSet<>();
        for (CellRecord c : ok) {
            perSet.forEach(f -> {
                if (f.apply(c) != null) {
                    classes.addAll(f.apply(c).keySet());
                }
            });
        }
        List<ClassRow> rows = new ArrayList<>();
        for (String name : classes) {
            List<String> scores = new ArrayList<>();
            for (Function<CellRecord, Map<String, Double>> f : perSet) {
                scores.add(Formats.metric(best.group().stats(c -> f.apply(c) == null ? null : f.apply(c).get(name))));
            }
            rows.add(new ClassRow(name, scores));
        }
        CellRecord pictured = ok.stream().filter(c -> !c.pictures().isEmpty()).findFirst().orElse(null);
        List<Picture> pictures = pictured == null ? List.of() : pictured.pictures().stream()
                .map(p -> picture(p, dataPrefix)).toList();
        return new BestConfigDetail(best.label(), testSets, rows, pictures,
                pictured == null ? null : pictured.label());
    }

    private static Picture picture(PredictionPicture p, String dataPrefix) {
        return new Picture(dataPrefix + p.file(), p.caption(),
                p.legend().entrySet().stream().map(e -> new Swatch(e.getKey(), e.getValue())).toList());
    }
}
