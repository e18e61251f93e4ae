package io.transferbench.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.transferbench.Mappers;
import io.transferbench.results.CellRecord;
import io.transferbench.results.TestScores;
import io.transferbench.suite.Cell;
import io.transferbench.suite.ConfigSchema;
import io.transferbench.train.TrainingOutcome;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a cell's training outcome and its measurements into the record that is written. */
final class CellRecords {

    private CellRecords() {}

    /**
     * @param datasetCounts the dataset's counts, or null when the cell ended before its data was read
     */
    static CellRecord of(Cell cell, TrainingOutcome o, Map<String, Long> datasetCounts, Map<String, String> assets,
                         Map<String, String> metricDirections, double wallSeconds,
                         Long peakRss, String device, Instant started, Instant finished) {
        JsonNode config = Mappers.SUITE.valueToTree(cell.spec());
        double trainSps = o.trainSeconds() > 0 ? o.trainSamples() / o.trainSeconds() : 0;
        double evalSps = o.evalSeconds() > 0 ? o.evalSamples() / o.evalSeconds() : 0;
        Double achieved = o.trainFlopsPerSample() == null || trainSps == 0 ? null : o.trainFlopsPerSample() * trainSps;
        return new CellRecord(cell.id(), cell.index(), cell.label(), o.status(), o.reason(), config, ConfigSchema.CURRENT,
                cell.spec().seed(),
                assets, datasetCounts,
                o.val() == null ? null : o.val().metrics(),
                o.test() == null ? null : o.test().metrics(),
                o.test() == null ? null : o.test().perClass(), metricDirections,
                o.bestEpoch(), o.curve(), wallSeconds, o.trainSeconds(), o.evalSeconds(), o.timeToTargetSeconds(),
                o.targetEpoch(), trainSps, evalSps, peakRss, o.paramsTotal(), o.paramsTrainable(),
                o.forwardFlopsPerSample(), o.trainFlopsPerSample(), achieved, o.featureCache(), o.featureSeconds(), device, started.toString(),
                finished.toString(), otherTests(o), PictureFiles.describe(cell.id(), o.drawings()));
    }

    private static Map<String, TestScores> otherTests(TrainingOutcome o) {
        Map<String, TestScores> scores = new LinkedHashMap<>();
        o.otherTests().forEach((name, e) -> scores.put(name, new TestScores(e.metrics(), e.perClass())));
        return scores;
    }
}
