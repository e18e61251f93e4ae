package io.transferbench.suite;

import io.transferbench.BenchException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A grid's cells cut into numbered chunks of {@code size} consecutive cells in grid order: the
 * unit of work of one cluster task (a Slurm array task, a Kubernetes completion index). The
 * numbering depends only on the plan, so a task finds its cells from its index alone, and a
 * resubmission names the chunks that still hold unfinished cells.
 */
public record CellChunks(List<Cell> cells, int size) {

    public CellChunks {
        if (size < 1) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "--chunk must be 1 or more; got " + size);
        }
        cells = List.copyOf(cells);
    }

    public int count() {
        return (cells.size() + size - 1) / size;
    }

    /** The cells of chunk {@code index}, refusing an index beyond the plan (a task of another grid). */
    public List<Cell> chunk(int index) {
        if (index < 0 || index >= count()) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "--array-task " + index + ": the plan has "
                    + count() + " chunk(s) of " + size + " cell(s) (indices 0 to " + (count() - 1)
                    + "); the task was submitted for another grid, or with another --chunk");
        }
        return cells.subList(index * size, Math.min(cells.size(), (index + 1) * size));
    }

    /** The indices of the chunks that hold at least one of these cells, ascending. */
    public List<Integer> holding(Set<String> cellIds) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < count(); i++) {
            if (chunk(i).stream().anyMatch(c -> cellIds.contains(c.id()))) {
                indices.add(i);
            }
        }
        return indices;
    }

    /** Slurm's compact form of ascending indices: {@code 0-3,7,9-10}. */
    public static String ranges(List<Integer> indices) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < indices.size(); i++) {
            int first = indices.get(i);
            while (i + 1 < indices.size() && indices.get(i + 1) == indices.get(i) + 1) {
                i++;
            }
            if (text.length() > 0) {
                text.append(',');
            }
            text.append(first);
            if (indices.get(i) != first) {
                text.append('-').append(indices.get(i));
            }
        }
        return text.toString();
    }
}
