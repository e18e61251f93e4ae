package io.transferbench.run;

import io.transferbench.suite.Cell;

import java.io.PrintStream;

/**
 * Says, when a run is stopped by SIGINT or SIGTERM, which cell was cut short and that the same
 * command resumes. The JVM still exits as before (records are atomic, so nothing else is needed);
 * without this the user saw the run end without a word.
 */
final class InterruptNotice implements AutoCloseable {

    private final PrintStream err;
    private final Thread hook = new Thread(this::report, "interrupt-notice");
    private volatile String running;
    private volatile int finished;

    InterruptNotice(PrintStream err) {
        this.err = err;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void cellStarted(Cell cell, int position, int toRun) {
        running = "cell " + position + "/" + toRun + " (" + cell.label() + ", " + cell.id() + ")";
    }

    void cellEnded() {
        running = null;
        finished++;
    }

    /** {@code progress}, telling this notice which cell runs (for cells run by workers). */
    Progress watching(Progress progress) {
        InterruptNotice notice = this;
        return new Progress() {
            @Override
            public void runStarted(String suite, int cells, int alreadyDone) {
                progress.runStarted(suite, cells, alreadyDone);
            }

            @Override
            public void cellStarted(Cell cell, int position, int toRun) {
                notice.cellStarted(cell, position, toRun);
                progress.cellStarted(cell, position, toRun);
            }

            @Override
            public void cellFinished(Cell cell, io.transferbench.results.CellRecord record) {
                notice.cellEnded();
                progress.cellFinished(cell, record);
            }

            @Override
            public void epochDone(String phase, int epoch, int epochs) {
                progress.epochDone(phase, epoch, epochs);
            }

            @Override
            public void close() {
                progress.close();
            }
        };
    }

    /** The line printed on interruption. */
    static String message(String running, int finished) {
        String where = running == null ? "between cells" : "during " + running + "; that cell has no record and runs again";
        return "interrupted " + where + ". " + finished + " cell(s) finished in this session are saved; run the same"
                + " command again to resume.";
    }

    private void report() {
        err.println();
        err.println(message(running, finished));
        err.flush();
    }

    /** The run ended on its own: nothing to say at exit. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running or done; it has said what it had to
        }
    }
}
