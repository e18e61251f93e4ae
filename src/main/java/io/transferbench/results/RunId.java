package io.transferbench.results;

import io.transferbench.BenchException;

import java.util.regex.Pattern;

/**
 * The name of a run directory under {@code OUT/SUITE/}. It must be one plain path segment: a
 * separator, {@code ..}, an absolute path or an empty name would put a run's files outside
 * {@code --out}, inside another run, or beside the runs of the suite.
 */
public final class RunId {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private RunId() {}

    /** Returns {@code id} if it is a safe run directory name; otherwise says what is allowed. */
    public static String check(String id) {
        if (!SEGMENT.matcher(id).matches()) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "--run-id '" + id + "': a run id must be one"
                    + " directory name of at most 128 letters, digits, '.', '_' and '-', starting with a letter or"
                    + " digit (e.g. --run-id laptop-1); it names OUT/SUITE/RUN-ID");
        }
        return id;
    }
}
