package io.transferbench.train;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.transferbench.data.Splits;
import io.transferbench.results.EpochPoint;
import io.transferbench.spec.CellSpec;
import io.transferbench.spec.TrainingSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Gradual unfreezing: the head first, then one stage per period from the top, under one optimizer and schedule. */
class GradualUnfreezingTest {

    @TempDir
    Path dir;

    private final TrainingFixture fixture = new TrainingFixture();

    @Test
    void oneMoreStageUnfreezesEachPeriodFromTheTopDownToTheCellsDepth() {
        Unfreezing u = Unfreezing.of(new TrainingSpec.GradualSpec(null, 3, 0.5), 4, 1, 10, 40);
        int[] frozen = LongStream.range(0, 14).mapToInt(u::frozenAt).toArray();
        assertArrayEquals(new int[] {4, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1}, frozen);
        assertEquals(0.5, u.stageScale(3), 1e-12, "the top stage, unfrozen first, learns at lr x scale");
        assertEquals(0.125, u.stageScale(1), 1e-12, "each stage below at scale x the one above it");

        Unfreezing byEpochs = Unfreezing.of(TrainingSpec.GradualSpec.defaults(), 3, 0, 5, 20);
        assertEquals(5, byEpochs.periodSteps(), "one epoch of five steps by default");
        assertEquals(3, Unfreezing.of(new TrainingSpec.GradualSpec(0.25, null, 1), 7, 0, 12, 36).periodSteps(),
                "a quarter of an epoch of twelve steps");
        assertEquals(1.0, byEpochs.stageScale(0), "every stage at the base rate by default");
    }

    @Test
    void anUnfreezingThatWouldNotReachTheDepthInTheBudgetIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Unfreezing.of(new TrainingSpec.GradualSpec(null, 10, 1), 3, 0, 10, 30));
        assertTrue(e.getMessage().contains("reaches freeze depth 0 at step 30, but the cell trains 30 steps"),
                e.getMessage());
    }

    @Test
    void eachEpochTrainsTheStagesUnfrozenSoFarAndTheFrozenOnesStayBitIdentical() {
        CellSpec spec = gradual("grid.freeze=1");
        Run run = train(spec);
        assertEquals(List.of("gradual:frozen=3", "gradual:frozen=2", "gradual:frozen=1", "gradual:frozen=1"), run.phases());
        int[] trainedFrom = {3, 2, 1, 1};
        Map<String, float[]> previous = run.before;
        for (int epoch = 0; epoch < trainedFrom.length; epoch++) {
            Map<String, float[]> now = run.epochs.get(epoch);
            for (String key : previous.keySet()) {
                int stage = Integer.parseInt(key.substring(0, key.indexOf('/')));
                boolean same = Arrays.equals(previous.get(key), now.get(key));
                assertEquals(stage < trainedFrom[epoch], same, "epoch " + (epoch + 1) + ": " + key
                        + (same ? " did not train" : " trained while frozen"));
            }
            previous = now;
        }
        assertTrue(run.before.keySet().stream().anyMatch(k -> k.startsWith("0/") && k.contains("runningVar")),
                "the frozen stage's BatchNorm statistics were compared");
        CellSpec finetune = fixture.cells(dir, "grid.freeze=1", "training.epochs=4").get(0);
        assertEquals(train(finetune).outcome.paramsTrainable(), run.outcome.paramsTrainable(),
                "the record counts the parameters trainable at the cell's depth");
    }

    @Test
    void oneScheduleSpansTheUnfreezesAndTheCellIsDeterministic() {
        CellSpec spec = gradual("grid.freeze=0", "grid.schedule=warmup-cosine", "training.epochs=5");
        Run first = train(spec);
        List<Double> lrs = first.outcome.curve().stream().map(EpochPoint::lr).toList();
        for (int i = 1; i < lrs.size(); i++) {
            assertTrue(lrs.get(i) < lrs.get(i - 1), "after warmup the rate only falls, across unfreezes: " + lrs);
        }
        Run second = train(spec);
        first.after.forEach((key, value) -> assertArrayEquals(value, second.after.get(key), key));
        assertEquals(first.outcome.test().metrics(), second.outcome.test().metrics());
    }

    @Test
    void aCellStopsUnfreezingAtItsDepthAndCarriesTheDefaultSettings() {
        CellSpec spec = gradual("grid.freeze=2");
        Run run = train(spec);
        assertEquals(List.of("gradual:frozen=3", "gradual:frozen=2", "gradual:frozen=2", "gradual:frozen=2"), run.phases());
        assertEquals(TrainingSpec.GradualSpec.defaults(), spec.training().gradual());
    }

    private CellSpec gradual(String... sets) {
        List<String> all = new ArrayList<>(List.of("grid.strategy=gradual", "training.epochs=4"));
        all.addAll(List.of(sets));
        return fixture.cells(dir, all.toArray(String[]::new)).get(0);
    }

    /** The outcome, the stage values at the start, after each epoch and as the cell kept them (its best epoch). */
    private record Run(TrainingOutcome outcome, Map<String, float[]> before, List<Map<String, float[]>> epochs,
                       Map<String, float[]> after) {

        /** Each epoch's phase as its curve point names it, with the stages frozen at its end. */
        List<String> phases() {
            return outcome.curve().stream().map(EpochPoint::phase).toList();
        }
    }

    private Run train(CellSpec spec) {
        Splits splits = fixture.data(spec);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            TrainingFixture.Start start = fixture.start(spec, splits, manager);
            List<Map<String, float[]>> epochs = new ArrayList<>();
            CellTrainer.Listener watch = new CellTrainer.Listener() {
                @Override
                public void epochDone(String phase, int epoch, int count) {}

                @Override
                public void epochDone(String phase, int epoch, int count, TransferNetwork net) {
                    epochs.add(TrainingFixture.stageValues(net));
                }
            };
            List<Map<String, float[]>> after = new ArrayList<>();
            TrainingOutcome o = new CellTrainer(Device.cpu()).train(spec, splits, fixture.catalog.task(spec.task()),
                    fixture.family(spec), start.snapshot(), watch, net -> after.add(TrainingFixture.stageValues(net)));
            assertEquals(TrainingOutcome.OK, o.status(), o.reason());
            return new Run(o, start.values(), epochs, after.get(0));
        }
    }
}
