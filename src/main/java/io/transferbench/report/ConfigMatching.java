package io.transferbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.transferbench.results.CellRecord;
import io.transferbench.suite.ConfigSchema;
import io.transferbench.suite.SettingsDiff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Lines up the configurations of several runs. Two configurations are the same grid cell when
 * they have the same grid coordinates (strategy, freeze, schedule, lr, layer decay, model and
 * every other axis a suite varied) and the same identity: task, model, dataset and the digests
 * of the assets they read. Cells of other identities are never compared. Records of older config
 * versions are read with the settings their harness used ({@link CellRecord#currentConfig()});
 * where matched cells still differ in a setting, they are compared anyway and the setting is
 * listed with its value in each run.
 *
 * @param rows the matched configurations: per row, one summary per run, in the runs' order
 * @param unmatched why each other configuration was not compared
 * @param settings the settings in which matched cells differ
 */
public record ConfigMatching(List<List<ConfigSummary>> rows, List<String> unmatched, List<SettingRow> settings,
                      List<String> identityConflicts) {

    /**
     * @param values the setting's value in each run (several, joined, where a run's cells differ)
     * @param changesResults false for settings that change only what a cell costs
     */
    public record SettingRow(String setting, List<String> values, boolean changesResults) {}

    private static final List<String> COORDINATES = List.of("strategy", "freeze", "schedule", "lr", "layer-decay",
            "model.name");
    private static final List<String> IDENTITY = List.of("task", "model.name", "dataset.name");

    static ConfigMatching of(List<RunDirectory> runs, List<List<ConfigSummary>> summaries, List<String> names) {
        List<String> axes = coordinateAxes(runs);
        List<Map<String, ConfigSummary>> byCoordinates = summaries.stream().map(s -> byCoordinates(s, axes)).toList();
        Set<String> keys = new LinkedHashSet<>();
        byCoordinates.forEach(m -> keys.addAll(m.keySet()));

        List<List<ConfigSummary>> rows = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        Set<String> conflicts = new LinkedHashSet<>();
        for (String key : keys) {
            List<ConfigSummary> sides = byCoordinates.stream().map(m -> m.get(key)).toList();
            List<String> holders = new ArrayList<>();
            for (int i = 0; i < sides.size(); i++) {
                if (sides.get(i) != null) {
                    holders.add(names.get(i));
                }
            }
            String label = sides.stream().filter(s -> s != null).findFirst().orElseThrow().label();
            if (holders.size() < sides.size()) {
                unmatched.add(label + ": only in " + String.join(", ", holders));
                continue;
            }
            String conflict = identityConflict(sides, names);
            if (conflict != null) {
                conflicts.add(conflict);
                unmatched.add(label + ": not compared, " + conflict);
                continue;
            }
            rows.add(sides);
        }
        return new ConfigMatching(rows, unmatched, settings(rows, axes), List.copyOf(conflicts));
    }

    /** The standard coordinates, then every other axis any of the runs' suites varied. */
    private static List<String> coordinateAxes(List<RunDirectory> runs) {
        Set<String> extra = new TreeSet<>();
        runs.forEach(r -> r.suite().path("grid").fieldNames().forEachRemaining(a -> {
            if (a.contains(".")) {
                extra.add(a);
            }
        }));
        List<String> axes = new ArrayList<>(COORDINATES);
        extra.stream().filter(a -> !axes.contains(a)).forEach(axes::add);
        return axes;
    }

    private static Map<String, ConfigSummary> byCoordinates(List<ConfigSummary> summaries, List<String> axes) {
        Map<String, ConfigSummary> byKey = new LinkedHashMap<>();
        for (ConfigSummary s : summaries) {
            StringBuilder key = new StringBuilder();
            axes.forEach(a -> key.append(a).append('=').append(GridAxes.value(s.group().config(), a)).append('\n'));
            byKey.putIfAbsent(key.toString(), s);
        }
        return byKey;
    }

    /** "dataset.name differs (a vs b)" or "asset x differs (...)": null when every run's identity is the same. */
    private static String identityConflict(List<ConfigSummary> sides, List<String> names) {
        for (String field : IDENTITY) {
            List<String> values = sides.stream().map(s -> GridAxes.value(s.group().config(), field)).toList();
            if (values.stream().distinct().count() > 1) {
                return field + " differs (" + String.join(" vs ", values) + ")";
            }
        }
        List<Map<String, String>> assets = sides.stream().map(s -> assetsOf(s.group().cells())).toList();
        Set<String> ids = new TreeSet<>();
        assets.forEach(a -> ids.addAll(a.keySet()));
        for (String id : ids) {
            List<String> digests = assets.stream().map(a -> a.get(id)).toList();
            if (digests.stream().distinct().count() > 1) {
                return "asset " + id + " differs (" + String.join(" vs ", digests.stream().map(ConfigMatching::shortDigest)
                        .toList()) + ")";
            }
        }
        return null;
    }

    private static Map<String, String> assetsOf(List<CellRecord> cells) {
        return cells.isEmpty() || cells.get(0).assets() == null ? Map.of() : cells.get(0).assets();
    }

    private static String shortDigest(String digest) {
        return digest == null ? "not used" : digest.length() > 16 ? digest.substring(0, 12) + "…" : digest;
    }

    /** Each setting in which some matched row differs, with the values each run had. */
    private static List<SettingRow> settings(List<List<ConfigSummary>> rows, List<String> axes) {
        Map<String, List<Set<String>>> values = new TreeMap<>();
        for (List<ConfigSummary> row : rows) {
            List<JsonNode> configs = row.stream().map(s -> s.group().config()).toList();
            SettingsDiff.of(configs).forEach((setting, perRun) -> {
                if (axes.contains(setting)) {
                    return;
                }
                List<Set<String>> seen = values.computeIfAbsent(setting, k -> {
                    List<Set<String>> sets = new ArrayList<>();
                    perRun.forEach(v -> sets.add(new LinkedHashSet<>()));
                    return sets;
                });
                for (int i = 0; i < perRun.size(); i++) {
                    seen.get(i).add(perRun.get(i));
                }
            });
        }
        List<SettingRow> table = new ArrayList<>();
        values.forEach((setting, perRun) -> table.add(new SettingRow(setting,
                perRun.stream().map(v -> String.join(" / ", v)).toList(), !ConfigSchema.costOnly(setting))));
        return table;
    }

    /** Whether any setting that changes what a cell computes differs between the matched cells. */
    boolean sameExperiment() {
        return !rows.isEmpty() && settings.stream().noneMatch(SettingRow::changesResults);
    }
}
