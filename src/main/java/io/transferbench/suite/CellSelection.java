package io.transferbench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import io.transferbench.BenchException;
import io.transferbench.Mappers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --select AXIS=VALUE,...}: the cells of a grid to run now, by the values of their config
 * fields (strategy, freeze, schedule, lr, layer-decay, seed, or any dotted path). Several
 * selections must all hold. The run directory stays the whole grid's, so selections run one
 * after another fill it as one run would.
 */
public final class CellSelection {

    private final Map<String, Set<String>> wanted;

    private CellSelection(Map<String, Set<String>> wanted) {
        this.wanted = wanted;
    }

    public static CellSelection all() {
        return new CellSelection(Map.of());
    }

    /** Parses the {@code --select} arguments and checks every value against the planned cells. */
    public static CellSelection parse(List<String> specs, List<Cell> plan) {
        Map<String, Set<String>> wanted = new LinkedHashMap<>();
        List<JsonNode> configs = plan.stream().map(c -> (JsonNode) Mappers.SUITE.valueToTree(c.spec())).toList();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new BenchException(BenchException.EXIT_BAD_INPUT, "--select " + spec
                        + ": expected AXIS=VALUE[,VALUE...], e.g. --select freeze=all,0 or --select strategy=lp-ft");
            }
            String axis = spec.substring(0, eq);
            Set<String> present = new LinkedHashSet<>();
            configs.forEach(c -> present.add(FieldPath.value(c, axis)));
            present.remove("");
            if (present.isEmpty()) {
                throw new BenchException(BenchException.EXIT_BAD_INPUT, "--select " + spec + ": no cell has a field '"
                        + axis + "'; select by strategy, freeze, schedule, lr, layer-decay, seed or a dotted path such"
                        + " as training.weight-decay");
            }
            Set<String> values = new LinkedHashSet<>();
            for (String v : spec.substring(eq + 1).split(",")) {
                String value = normalise(v.trim());
                if (!present.contains(value)) {
                    throw new BenchException(BenchException.EXIT_BAD_INPUT, "--select " + spec + ": no cell has "
                            + axis + "=" + v.trim() + "; this grid has " + String.join(", ", present));
                }
                values.add(value);
            }
            wanted.merge(axis, values, (a, b) -> {
                Set<String> both = new LinkedHashSet<>(a);
                both.retainAll(b);
                return both;
            });
        }
        return new CellSelection(wanted);
    }

    /** Numbers as {@link FieldPath#value} prints them, so lr=1e-4 selects lr 0.0001. */
    private static String normalise(String value) {
        try {
            return new BigDecimal(value).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException notANumber) {
            return value;
        }
    }

    public List<Cell> of(List<Cell> cells) {
        if (wanted.isEmpty()) {
            return cells;
        }
        List<Cell> selected = new ArrayList<>();
        for (Cell c : cells) {
            JsonNode config = Mappers.SUITE.valueToTree(c.spec());
            if (wanted.entrySet().stream().allMatch(e -> e.getValue().contains(FieldPath.value(config, e.getKey())))) {
                selected.add(c);
            }
        }
        return selected;
    }
}
