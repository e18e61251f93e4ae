package io.transferbench.results;

import java.util.List;

/**
 * The records of a run directory as read from {@code cells/}, and the files there that could not
 * be read as records (truncated, binary, hand-edited). A report must say what it left out.
 */
public record RecordSet(List<CellRecord> records, List<Unreadable> unreadable) {

    public RecordSet {
        records = List.copyOf(records);
        unreadable = List.copyOf(unreadable);
    }

    /** A file under {@code cells/} that is not a readable record, and why. */
    public record Unreadable(String file, String reason) {}
}
