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
            LOG.info("  {}", CellResultLine.of(record));
        } else {
            LOG.warn("  {}", CellResultLine.of(record));
        }
    }

    @Override
    public void close() {}
}
