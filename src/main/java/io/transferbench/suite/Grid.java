package io.transferbench.suite;

import io.transferbench.spec.CellSpec;
import io.transferbench.spec.FreezeDepth;
import io.transferbench.spec.LocatedTree;
import io.transferbench.spec.ModelSpec;
import io.transferbench.spec.ScheduleKind;
import io.transferbench.spec.Strategy;
import io.transferbench.spec.TrainingSpec;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transferbench.Mappers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Expands a suite's grid into cells, in a fixed order (strategy, freeze, schedule, lr, layer
 * decay, extra axes by name, then seeds innermost, so a configuration's seeds sit together).
 *
 * <p>Some combinations mean the same experiment and are folded into one cell, visibly: a scratch
 * cell trains every stage (freeze 0, no layer decay); layer decay is moot when every stage is
 * frozen; freezing as many stages as the model has is {@code all}; LP-FT and gradual unfreezing
 * with everything frozen are just a linear probe, so they are dropped; and only gradual cells
 * carry gradual unfreezing's settings.
 */
public final class Grid {

    private static final List<String> AXES = List.of("strategy", "freeze", "schedule", "lr", "layer-decay");
    private static final Map<String, JsonNode> DEFAULTS = Map.of(
            "strategy", JsonNodeFactory.instance.textNode(Strategy.FINETUNE.label()),
            "freeze", JsonNodeFactory.instance.numberNode(0),
            "schedule", JsonNodeFactory.instance.textNode(ScheduleKind.CONSTANT),
            "layer-decay", JsonNodeFactory.instance.numberNode(1.0),
            "seeds", JsonNodeFactory.instance.numberNode(1));

    private Grid() {}

    /** The result of expansion: the cells, and how many combinations were folded or dropped. */
    public record Expansion(List<Cell> cells, int combinations, int folded) {}

    /**
     * @param stageCount the number of stages of a cell's model (a grid may have a model axis)
     * @param assetFingerprint the checksums of the assets a cell uses; part of every cell id
     */
    public static Expansion expand(ResolvedSuite suite, ToIntFunction<ModelSpec> stageCount,
                                   Function<CellSpec, String> assetFingerprint) {
        ObjectNode tree = suite.tree();
        Map<String, List<JsonNode>> axes = axes((ObjectNode) tree.get("grid"));

        ObjectNode base = tree.deepCopy();
        base.remove(List.of("grid", "profiles", "description"));
        List<Map<String, JsonNode>> combos = new ArrayList<>();
        product(new ArrayList<>(axes.entrySet()), 0, new LinkedHashMap<>(), combos);

        Set<String> seen = new LinkedHashSet<>();
        List<Cell> cells = new ArrayList<>();
        int folded = 0;
        for (Map<String, JsonNode> combo : combos) {
            CellSpec raw = toSpec(base, combo);
            CellSpec spec = normalise(raw, stageCount.applyAsInt(raw.model()));
            if (spec == null) {
                folded++;
                continue;
            }
            String canonical = canonical(spec);
            if (!seen.add(canonical)) {
                folded++;
                continue;
            }
            cells.add(new Cell(cells.size(), id(canonical, assetFingerprint.apply(spec)), spec));
        }
        return new Expansion(List.copyOf(cells), combos.size(), folded);
    }

    /**
     * How many combinations the grid spans before folding: the product of its axis lengths,
     * known without expanding, so a grid too large to hold in memory can be refused first.
     * Saturates at {@link Long#MAX_VALUE}.
     */
    public static long combinations(ResolvedSuite suite) {
        long count = 1;
        for (List<JsonNode> values : axes((ObjectNode) suite.tree().get("grid")).values()) {
            int n = values.size();
            count = n == 0 ? 0 : count > Long.MAX_VALUE / n ? Long.MAX_VALUE : count * n;
        }
        return count;
    }

    /** The axes in expansion order, each with its values. */
    private static Map<String, List<JsonNode>> axes(ObjectNode grid) {
        Map<String, List<JsonNode>> axes = new LinkedHashMap<>();
        for (String axis : AXES) {
            axes.put(axis, values(grid, axis));
        }
        List<String> extra = new ArrayList<>();
        grid.fieldNames().forEachRemaining(k -> {
            if (k.contains(".")) {
                extra.add(k);
            }
        });
        extra.stream().sorted().forEach(k -> axes.put(k, values(grid, k)));
        axes.put("seeds", values(grid, "seeds"));
        return axes;
    }

    private static List<JsonNode> values(ObjectNode grid, String axis) {
        JsonNode node = grid.get(axis);
        List<JsonNode> list = new ArrayList<>();
        if (node == null) {
            if (DEFAULTS.containsKey(axis)) {
                list.add(DEFAULTS.get(axis));
            }
        } else {
            node.forEach(list::add);
        }
        return list;
    }

    private static void product(List<Map.Entry<String, List<JsonNode>>> axes, int i,
                                Map<String, JsonNode> current, List<Map<String, JsonNode>> out) {
        if (i == axes.size()) {
            out.add(new LinkedHashMap<>(current));
            return;
        }
        for (JsonNode v : axes.get(i).getValue()) {
            current.put(axes.get(i).getKey(), v);
            product(axes, i + 1, current, out);
        }
    }

    private static CellSpec toSpec(ObjectNode base, Map<String, JsonNode> combo) {
        ObjectNode cell = base.deepCopy();
        for (Map.Entry<String, JsonNode> e : combo.entrySet()) {
            if (e.getKey().contains(".")) {
                LocatedTree.set(cell, e.getKey(), e.getValue());
            }
        }
        cell.set("strategy", combo.get("strategy"));
        cell.set("freeze", JsonNodeFactory.instance.textNode(combo.get("freeze").asText()));
        cell.set("schedule", combo.get("schedule"));
        cell.set("lr", combo.get("lr"));
        cell.set("layer-decay", combo.get("layer-decay"));
        cell.set("seed", combo.get("seeds"));
        if (!cell.has("training")) {
            cell.set("training", JsonNodeFactory.instance.objectNode());
        }
        try {
            return Mappers.SUITE.treeToValue(cell, CellSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a validated suite failed to bind: " + e.getOriginalMessage(), e);
        }
    }

    /** Folds equivalent combinations into one canonical form; null drops a meaningless one. */
    static CellSpec normalise(CellSpec s, int stageCount) {
        FreezeDepth freeze = s.freeze();
        if (!freeze.all() && freeze.stages() >= stageCount) {
            freeze = FreezeDepth.ALL;
        }
        double decay = s.layerDecay();
        if (s.strategy() == Strategy.SCRATCH) {
            freeze = FreezeDepth.NONE;
            decay = 1.0;
        }
        if (freeze.all()) {
            if (s.strategy() == Strategy.LP_FT || s.strategy() == Strategy.GRADUAL) {
                return null;
            }
            decay = 1.0;
        }
        TrainingSpec training = s.strategy() != Strategy.GRADUAL ? s.training().withGradual(null)
                : s.training().gradual() == null ? s.training().withGradual(TrainingSpec.GradualSpec.defaults())
                : s.training();
        return new CellSpec(s.suite(), s.task(), s.model(), s.dataset(), s.head() == null ? JsonNodeFactory.instance.objectNode() : s.head(),
                training, s.strategy(), freeze, s.schedule(), s.lr(), decay, s.seed(),
                s.metrics() == null ? List.of() : s.metrics());
    }

    /** The canonical JSON of a cell: sorted keys, defaults filled in. */
    public static String canonical(CellSpec spec) {
        try {
            return Mappers.SUITE.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String id(String canonical, String assetFingerprint) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(canonical.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(assetFingerprint.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
