package io.transferbench.cli;

import io.transferbench.suite.Cell;
import io.transferbench.suite.FieldPath;
import io.transferbench.suite.Grid;

import java.util.ArrayList;
import java.util.List;

/** The expanded grid as a plain-text table, for --dry-run. */
final class GridTable {

    private GridTable() {}

    static String render(Grid.Expansion plan, List<String> extraAxes) {
        List<String> header = new ArrayList<>(List.of("#", "cell", "strategy", "freeze", "schedule", "lr", "decay", "seed"));
        header.addAll(extraAxes);
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (Cell c : plan.cells()) {
            var s = c.spec();
            List<String> row = new ArrayList<>(List.of(Integer.toString(c.index() + 1), c.id(), s.strategy().label(),
                    s.freeze().toString(), s.schedule(), Double.toString(s.lr()), Double.toString(s.layerDecay()),
                    Long.toString(s.seed())));
            var tree = io.transferbench.Mappers.SUITE.<com.fasterxml.jackson.databind.JsonNode>valueToTree(s);
            extraAxes.forEach(a -> row.add(FieldPath.text(tree, a)));
            rows.add(row);
        }
        int[] width = new int[header.size()];
        rows.forEach(r -> {
            for (int i = 0; i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        });
        StringBuilder sb = new StringBuilder();
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                sb.append(String.format("%-" + width[i] + "s", r.get(i))).append(i + 1 < r.size() ? "  " : "");
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }
}
