package io.transferbench.run;

import io.transferbench.results.CellRecord;
import io.transferbench.suite.Cell;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A terminal progress bar over cells, with the current cell and epoch and an ETA; each finished
 * cell's result, and every log line, is printed above the bar.
 */
final class BarProgress implements Progress {

    private final PrintStream stderr = System.err;
    private final BarConsole console = new BarConsole(stderr);
    private ProgressBar bar;
    private String cellLabel = "";

    @Override
    public void runStarted(String suite, int cells, int alreadyDone) {
        // slf4j-simple looks System.err up on every line, so while the bar shows, log lines go above it.
        System.setErr(console.linesAbove());
        bar = new ProgressBarBuilder().setTaskName(suite).setInitialMax(cells).startsFrom(alreadyDone, Duration.ZERO)
                .setConsumer(console).setRenderer(new BarLine()).setUpdateIntervalMillis(500).build();
    }

    @Override
    public void cellStarted(Cell cell, int position, int toRun) {
        cellLabel = cell.label();
        bar.setExtraMessage(cellLabel);
    }

    @Override
    public void epochDone(String phase, int epoch, int epochs) {
        bar.setExtraMessage(phase + " " + epoch + "/" + epochs + " | " + cellLabel);
    }

    @Override
    public void cellFinished(Cell cell, CellRecord record) {
        console.printAbove(cell.label() + " [" + cell.id() + "] " + CellResultLine.of(record));
        bar.step();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            System.setErr(stderr);
        }
    }
}
