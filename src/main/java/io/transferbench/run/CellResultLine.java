package io.transferbench.run;

import io.transferbench.results.CellRecord;

import java.util.Locale;
import java.util.TreeMap;

/** The one line that says how a cell ended, shared by the log and the terminal bar. */
final class CellResultLine {

    private CellResultLine() {}

    static String of(CellRecord record) {
        if (!CellRecord.OK.equals(record.status())) {
            return record.status() + ": " + record.reason();
        }
        StringBuilder scores = new StringBuilder();
        new TreeMap<>(record.test()).forEach((k, v) -> scores.append(String.format(Locale.ROOT, " %s=%.4f", k, v)));
        return String.format(Locale.ROOT, "ok: test%s (%.1f s, %.0f train samples/s)", scores, record.wallSeconds(),
                record.trainSamplesPerSecond());
    }
}
