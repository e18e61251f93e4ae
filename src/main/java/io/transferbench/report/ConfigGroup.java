package io.transferbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transferbench.Mappers;
import io.transferbench.results.CellRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The cells of one configuration: records whose resolved configs are equal once the seed is
 * taken out. Seeds are repetitions, so statistics are taken over a group. Configs are read in
 * the current config version, so records of older harnesses group as what they ran.
 *
 * @param key canonical JSON of the config without its seed; equal keys, same configuration
 * @param config the config without its seed
 * @param cells the group's records, in grid order
 */
public record ConfigGroup(String key, JsonNode config, List<CellRecord> cells) {

    public ConfigGroup {
        cells = List.copyOf(cells);
    }

    /** Groups records by configuration, in the order each configuration first appears in the grid. */
    public static List<ConfigGroup> of(List<CellRecord> records) {
        Map<String, List<CellRecord>> byKey = new LinkedHashMap<>();
        Map<String, JsonNode> configs = new LinkedHashMap<>();
        for (CellRecord r : records.stream().sorted(Comparator.comparingInt(CellRecord::index)).toList()) {
            JsonNode config = withoutSeed(r.currentConfig());
            String key = Mappers.canonical(config);
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            configs.putIfAbsent(key, config);
        }
        List<ConfigGroup> groups = new ArrayList<>();
        byKey.forEach((key, cells) -> groups.add(new ConfigGroup(key, configs.get(key), cells)));
        return groups;
    }

    static JsonNode withoutSeed(JsonNode config) {
        ObjectNode copy = config.deepCopy();
        copy.remove("seed");
        return copy;
    }

    /** Cells that trained to the end; only these enter quality and cost statistics. */
    public List<CellRecord> ok() {
        return cells.stream().filter(c -> CellRecord.OK.equals(c.status())).toList();
    }

    public long count(String status) {
        return cells.stream().filter(c -> status.equals(c.status())).count();
    }

    /** Statistics of a quantity over the group's ok cells. */
    public SeedStatistics stats(Function<CellRecord, Double> quantity) {
        return SeedStatistics.of(ok().stream().map(quantity).toList());
    }

    public StrategyFamily family() {
        return StrategyFamily.of(config);
    }
}
