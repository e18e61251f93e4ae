package io.transferbench.cli;

import io.transferbench.BenchException;
import picocli.CommandLine;

import java.io.PrintWriter;
import io.transferbench.assets.AssetCache;

/** Entry point: sets up DJL for offline use, then hands over to picocli. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the CLI with its output going to the given writers (tests read them). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        configureDjl();
        CommandLine cli = new CommandLine(new BenchCommand()).setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof BenchException b) {
                cmd.getErr().println("error: " + b.getMessage());
                return b.exitCode();
            }
            throw e;
        });
        return cli.execute(args);
    }

    /**
     * Nothing may download at run time: DJL is put in offline mode, and its natives (shipped in
     * the jar) unpack to a cache the user can move with {@code DJL_CACHE_DIR} or
     * {@code TRANSFERBENCH_CACHE}.
     */
    static void configureDjl() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", AssetCache.userCacheRoot(System.getProperties(), System.getenv())
                    .resolve("djl").toString());
        }
    }
}
