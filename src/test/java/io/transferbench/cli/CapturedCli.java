package io.transferbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The command line run in this process, its output kept for assertions. */
final class CapturedCli {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int bench(String... args) {
        return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }
}
