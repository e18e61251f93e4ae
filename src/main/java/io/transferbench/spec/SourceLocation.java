package io.transferbench.spec;

/** Where a value came from: a line and column of a suite file, or a command-line override. */
public record SourceLocation(String source, int line, int column) {

    public static SourceLocation commandLine(String option) {
        return new SourceLocation(option, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ":" + column : source;
    }
}
