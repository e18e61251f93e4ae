package io.transferbench.run;

import io.transferbench.results.CellRecord;
import io.transferbench.suite.Cell;
import io.transferbench.train.CellTrainer;

/** What a user sees while a grid runs: a bar on a terminal, log lines elsewhere. */
public interface Progress extends CellTrainer.Listener, AutoCloseable {

    void runStarted(String suite, int cells, int alreadyDone);

    void cellStarted(Cell cell, int position, int toRun);

    void cellFinished(Cell cell, CellRecord record);

    @Override
    void close();

    static Progress forConsole() {
        return System.console() != null ? new BarProgress() : new LogProgress();
    }
}
