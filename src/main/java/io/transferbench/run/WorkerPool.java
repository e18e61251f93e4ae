package io.transferbench.run;

import io.transferbench.BenchException;
import io.transferbench.results.CellRecord;
import io.transferbench.results.RunStore;
import io.transferbench.suite.Cell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs cells in worker processes, so that a cell that crashes its process (a native fault, an
 * out-of-memory kill) costs only that cell, and memory a process accumulates ends with it.
 * Each worker takes cells one at a time from a shared queue, writes each record atomically into
 * the run directory and says so on its standard output ({@link WorkerProtocol}); the pool adopts
 * the record, and writes a {@code failed} one itself, naming the signal, for a cell whose worker
 * died. Workers are replaced after a bounded number of cells.
 */
public final class WorkerPool {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
    /** A worker that dies this many times in a row before starting a cell means workers cannot start. */
    private static final int STARTUP_FAILURES = 2;

    private final List<String> command;
    private final Map<String, String> environment;
    private final int workers;
    private final int cellsPerWorker;
    private final PrintStream log;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();

    /**
     * @param command the worker's command line ({@link WorkerProtocol#command})
     * @param environment variables set for each worker (thread counts)
     * @param workers how many workers run at once
     * @param cellsPerWorker after how many cells a worker is replaced by a fresh one
     * @param log where the workers' own output is forwarded, each line prefixed with the worker
     */
    public WorkerPool(List<String> command, Map<String, String> environment, int workers, int cellsPerWorker,
                      PrintStream log) {
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.workers = workers;
        this.cellsPerWorker = cellsPerWorker;
        this.log = log;
    }

    /** The record of a cell whose worker died while running it. */
    interface Failure {
        CellRecord of(Cell cell, String why, Instant started);
    }

    void run(List<Cell> todo, RunStore store, List<String> extraAxes, boolean failFast, Progress progress,
             Failure failure) {
        try {
            // The JVM writes a crash report only into a directory that exists.
            java.nio.file.Files.createDirectories(store.dir().resolve(WorkerProtocol.CRASH_DIR));
        } catch (IOException e) {
            LOG.warn("cannot create {}: {}", store.dir().resolve(WorkerProtocol.CRASH_DIR), e.getMessage());
        }
        ConcurrentLinkedQueue<Cell> queue = new ConcurrentLinkedQueue<>(todo);
        AtomicInteger position = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        List<BenchException> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread hook = new Thread(() -> running.forEach(Process::destroy), "stop-workers");
        Runtime.getRuntime().addShutdownHook(hook);
        List<Thread> threads = new ArrayList<>();
        for (int w = 1; w <= Math.min(workers, Math.max(1, todo.size())); w++) {
            int number = w;
            Thread t = new Thread(() -> {
                try {
                    drive(number, queue, store, extraAxes, failFast, progress, position, todo.size(), stop, failure);
                } catch (BenchException e) {
                    stop.set(true);
                    problems.add(e);
                }
            }, "worker-" + w);
            threads.add(t);
            t.start();
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.forEach(Process::destroy);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running
            }
        }
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
    }

    /** One worker slot: starts workers and feeds them cells until the queue is empty. */
    private void drive(int number, ConcurrentLinkedQueue<Cell> queue, RunStore store, List<String> extraAxes,
                       boolean failFast, Progress progress, AtomicInteger position, int total, AtomicBoolean stop,
                       Failure failure) {
        int deathsBeforeACell = 0;
        while (!stop.get() && !queue.isEmpty()) {
            Worker worker = Worker.start(command, environment, number, log, running);
            int ran = 0;
            boolean alive = true;
            while (alive && ran < cellsPerWorker && !stop.get()) {
                Cell cell = queue.poll();
                if (cell == null) {
                    break;
                }
                synchronized (progress) {
                    progress.cellStarted(cell, position.incrementAndGet(), total);
                }
                Instant started = Instant.now();
                WorkerProtocol.Outcome outcome = worker.run(cell);
                CellRecord record;
                if (outcome.done()) {
                    record = store.adopt(cell.id(), extraAxes);
                    if (record == null) {
                        record = died(failure.of(cell, "the worker said it finished the cell but left no readable"
                                + " record", started), store, extraAxes);
                    }
                    ran++;
                    deathsBeforeACell = 0;
                } else {
                    alive = false;
                    if (!outcome.started()) {
                        // It never took the cell: give it back, and stop if workers cannot start at all.
                        queue.add(cell);
                        position.decrementAndGet();
                        if (++deathsBeforeACell >= STARTUP_FAILURES) {
                            throw new BenchException(BenchException.EXIT_CELLS_FAILED, "worker processes die before"
                                    + " running any cell (" + worker.death() + "); run with --workers 0 to see why in"
                                    + " this process");
                        }
                        continue;
                    }
                    record = died(failure.of(cell, worker.death(), started), store, extraAxes);
                }
                synchronized (progress) {
                    progress.cellFinished(cell, record);
                }
                if (failFast && CellRecord.FAILED.equals(record.status())) {
                    stop.set(true);
                    throw new BenchException(BenchException.EXIT_CELLS_FAILED,
                            "cell " + cell.id() + " failed (" + record.reason() + "); stopping (--fail-fast)");
                }
            }
            worker.finish();
        }
    }

    private static CellRecord died(CellRecord record, RunStore store, List<String> extraAxes) {
        LOG.warn("cell {}: {}", record.cellId(), record.reason());
        store.write(record, extraAxes);
        store.clearRunning(record.cellId());
        return record;
    }

    /** One worker process and the two ends of its pipe. */
    private static final class Worker {
        private final Process process;
        private final Writer commands;
        private final BufferedReader replies;
        private final WorkerProtocol.LastLines lastLines;

        private Worker(Process process, WorkerProtocol.LastLines lastLines) {
            this.process = process;
            this.commands = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.lastLines = lastLines;
        }

        static Worker start(List<String> command, Map<String, String> environment, int number, PrintStream log,
                            Set<Process> running) {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            try {
                Process process = builder.start();
                running.add(process);
                process.onExit().thenRun(() -> running.remove(process));
                WorkerProtocol.LastLines lastLines = WorkerProtocol.forward(process.getErrorStream(),
                        "[worker " + number + "] ", log);
                return new Worker(process, lastLines);
            } catch (IOException e) {
                throw new BenchException(BenchException.EXIT_CELLS_FAILED, "cannot start a worker process ("
                        + command.get(0) + "): " + e.getMessage(), e);
            }
        }

        /** Sends the cell and waits until the worker reports it done, or dies. */
        WorkerProtocol.Outcome run(Cell cell) {
            boolean started = false;
            try {
                commands.write(WorkerProtocol.RUN + cell.id() + "\n");
                commands.flush();
                String line;
                while ((line = replies.readLine()) != null) {
                    if (line.equals(WorkerProtocol.STARTED + cell.id())) {
                        started = true;
                    } else if (line.equals(WorkerProtocol.DONE + cell.id())) {
                        return new WorkerProtocol.Outcome(true, true);
                    }
                }
            } catch (IOException e) {
                // a broken pipe: the worker died; its exit status says how
            }
            return new WorkerProtocol.Outcome(started, false);
        }

        /** How the worker died, for the failed cell's record. */
        String death() {
            try {
                int status = process.waitFor();
                lastLines.awaitEnd();
                return WorkerProtocol.describeExit(status, lastLines.last());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "the worker was interrupted";
            }
        }

        /** Asks the worker to exit, and waits for it. */
        void finish() {
            try {
                commands.write(WorkerProtocol.EXIT + "\n");
                commands.flush();
                commands.close();
            } catch (IOException e) {
                // already gone
            }
            try {
                process.waitFor();
                lastLines.awaitEnd();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroy();
            }
        }
    }
}
