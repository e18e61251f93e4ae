package io.transferbench.run;

import io.transferbench.results.CellRecord;
import io.transferbench.suite.Cell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Plain log lines, for CI logs and redirected output. */
final class LogProgress implements Progress {

    private static final Logger LOG = LoggerFactory.getLogger("progress");

    @Override
    public void runStarted(String suite, int cells, int alreadyDone) {
        LOG.info("suite {}: {} cells, {} already done, {} to run", suite, cells, alreadyDone, cells - alreadyDone);
    }

    @Override
    public void cellStarted(Cell cell, int position, int toRun) {
        LOG.info("cell {}/{} {} [{}]", position, toRun, cell.label(), cell.id());
    }

    @Override
    public void epochDone(String phase, int epoch, int epochs) {
        LOG.debug("  {} epoch {}/{}", phase, epoch, epochs);
    }

    @Override
    public void cellFinished(Cell cell, CellRecord record) {
        if (CellRecord.OK.equals(record.status())) {
            StringBuilder scores = new StringBuilder();
            new java.util.TreeMap<>(record.test()).forEach((k, v) -> scores.append(String.format(" %s=%.4f", k, v)));
            LOG.info("  ok: test{} ({} s, {} train samples/s)", scores, String.format("%.1f", record.wallSeconds()),
                    String.format("%.0f", record.trainSamplesPerSecond()));
        } else {
            LOG.warn("  {}: {}", record.status(), record.reason());
        }
    }

    @Override
    public void close() {}
}
