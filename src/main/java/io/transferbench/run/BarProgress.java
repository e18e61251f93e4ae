package io.transferbench.run;

import io.transferbench.results.CellRecord;
import io.transferbench.suite.Cell;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A terminal progress bar over cells, with the current cell and epoch, and an ETA. */
final class BarProgress implements Progress {

    private ProgressBar bar;
    private String cellLabel = "";

    @Override
    public void runStarted(String suite, int cells, int alreadyDone) {
        bar = new ProgressBarBuilder().setTaskName(suite).setInitialMax(cells).startsFrom(alreadyDone, java.time.Duration.ZERO)
                .setStyle(ProgressBarStyle.ASCII).build();
    }

    @Override
    public void cellStarted(Cell cell, int position, int toRun) {
        cellLabel = cell.label();
        bar.setExtraMessage(cellLabel);
    }

    @Override
    public void epochDone(String phase, int epoch, int epochs) {
        bar.setExtraMessage(cellLabel + " | " + phase + " epoch " + epoch + "/" + epochs);
    }

    @Override
    public void cellFinished(Cell cell, CellRecord record) {
        bar.step();
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
