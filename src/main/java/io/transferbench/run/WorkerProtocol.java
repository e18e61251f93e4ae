package io.transferbench.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a coordinator and its worker processes talk: the coordinator writes {@code @@run ID} to
 * the worker's standard input for each cell and {@code @@exit} at the end; the worker answers
 * {@code @@started ID} when the cell's clock starts and {@code @@done ID} once its record is on
 * disk. Everything else a worker prints goes to its standard error, which the coordinator
 * forwards.
 */
public final class WorkerProtocol {

    public static final String RUN = "@@run ";
    public static final String EXIT = "@@exit";
    public static final String STARTED = "@@started ";
    public static final String DONE = "@@done ";

    /** The main class and subcommand a worker runs. */
    static final String MAIN = "io.transferbench.cli.Main";
    public static final String SUBCOMMAND = "worker";

    /** System properties a worker inherits from its coordinator (caches, offline mode). */
    private static final List<String> INHERITED = List.of("ai.djl.offline", "DJL_CACHE_DIR", "transferbench.cache");

    private WorkerProtocol() {}

    /** What became of a cell sent to a worker. */
    record Outcome(boolean started, boolean done) {}

    /** Where a worker's JVM writes its crash report, inside the run directory. */
    public static final String CRASH_DIR = "crashes";

    /**
     * The command line of a worker: this program ({@link #thisProgram}) with {@code threads} engine
     * threads and crash reports in {@code runDir/crashes/}.
     */
    public static List<String> command(List<String> workerArgs, int threads, java.nio.file.Path runDir) {
        List<String> command = thisProgram(List.of(
                "-XX:ErrorFile=" + runDir.toAbsolutePath().resolve(CRASH_DIR).resolve("hs_err_pid%p.log"),
                "-Dai.djl.pytorch.num_threads=" + threads, "-Dai.djl.pytorch.num_interop_threads=1"));
        command.add(SUBCOMMAND);
        command.addAll(workerArgs);
        return command;
    }

    /**
     * How to start this program again in another process (a worker, a cluster task): this JVM's
     * java and class path, its heap settings, the inherited properties, then {@code jvmOptions}
     * and the main class; the caller appends the arguments.
     */
    public static List<String> thisProgram(List<String> jvmOptions) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xm") || a.startsWith("-Xss")).forEach(command::add);
        for (String property : INHERITED) {
            String value = System.getProperty(property);
            if (value != null) {
                command.add("-D" + property + "=" + value);
            }
        }
        command.addAll(jvmOptions);
        command.add("-cp");
        // absolute, for a process that starts in another directory (a cluster task)
        command.add(String.join(java.io.File.pathSeparator, java.util.Arrays.stream(
                System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> java.nio.file.Path.of(entry).toAbsolutePath().toString()).toList()));
        command.add(MAIN);
        return command;
    }

    /**
     * OpenMP and MKL read their thread counts, oneDNN its instruction-set cap ({@link OneDnnIsaCap})
     * and glibc its allocator tunables ({@link NativeAllocator}) from the environment before the
     * engine starts.
     */
    public static Map<String, String> environment(int threads) {
        Map<String, String> environment = new HashMap<>(OneDnnIsaCap.environment());
        environment.putAll(NativeAllocator.environment());
        environment.put("OMP_NUM_THREADS", Integer.toString(threads));
        environment.put("MKL_NUM_THREADS", Integer.toString(threads));
        return Map.copyOf(environment);
    }

    /** Engine threads per worker so that the workers together use the machine's cores once. */
    public static int threadsPerWorker(int workers) {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, workers));
    }

    /** "killed by signal 9 (SIGKILL)", with the worker's last line of output. */
    static String describeExit(int status, String lastLine) {
        String how;
        if (status > 128 && status < 128 + 65) {
            int signal = status - 128;
            how = "the worker process was killed by signal " + signal + " (" + signalName(signal) + ")"
                    + (signal == 6 ? "; the JVM aborts on a native crash (SIGSEGV in the engine), see " + CRASH_DIR
                    + "/hs_err_pid*.log in the run directory"
                    : signal == 9 ? "; the kernel's out-of-memory killer, or a kill -9" : "");
        } else {
            how = "the worker process exited with status " + status;
        }
        return how + (lastLine == null ? "" : "; its last output: " + lastLine);
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 1 -> "SIGHUP";
            case 2 -> "SIGINT";
            case 4 -> "SIGILL";
            case 6 -> "SIGABRT";
            case 7 -> "SIGBUS";
            case 8 -> "SIGFPE";
            case 9 -> "SIGKILL";
            case 11 -> "SIGSEGV";
            case 15 -> "SIGTERM";
            default -> "signal " + signal;
        };
    }

    /** Copies a worker's output to the log, prefixed, and keeps its last line. */
    static LastLines forward(InputStream output, String prefix, PrintStream log) {
        LastLines last = new LastLines();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.isBlank()) {
                        last.line = line;
                        log.println(prefix + line);
                    }
                }
            } catch (IOException e) {
                // the worker's end closed
            }
        }, prefix.trim());
        t.setDaemon(true);
        last.thread = t;
        t.start();
        return last;
    }

    /** The forwarding thread of a worker's output, and the last line it saw. */
    static final class LastLines {
        private volatile String line;
        private Thread thread;

        String last() {
            return line;
        }

        void awaitEnd() throws InterruptedException {
            thread.join(5_000);
        }
    }
}
