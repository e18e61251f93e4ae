package io.transferbench.run;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The terminal under a progress bar: the bar stays on the last line, and every other line (a
 * finished cell, a log line) is printed above it, whole, instead of being overwritten by the bar
 * or cut into it. The terminal width comes from the library's console consumer.
 */
final class BarConsole extends ConsoleProgressBarConsumer {

    private static final String CLEAR_LINE = "\r\033[2K";

    private final PrintStream terminal;
    private String bar = "";

    BarConsole(PrintStream terminal) {
        super(terminal);
        this.terminal = terminal;
    }

    @Override
    public synchronized void accept(String line) {
        bar = line;
        terminal.print(CLEAR_LINE + line);
        terminal.flush();
    }

    /** Prints a line above the bar, then the bar again. */
    synchronized void printAbove(String line) {
        terminal.print(CLEAR_LINE + line + System.lineSeparator() + bar);
        terminal.flush();
    }

    /** A stream whose lines go above the bar: System.err while the bar shows, so log lines do too. */
    PrintStream linesAbove() {
        return new PrintStream(new OutputStream() {
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

            @Override
            public synchronized void write(int b) {
                if (b == '\n') {
                    printAbove(pending.toString(StandardCharsets.UTF_8).stripTrailing());
                    pending.reset();
                } else {
                    pending.write(b);
                }
            }
        }, true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        terminal.println();
        terminal.flush();
    }
}
