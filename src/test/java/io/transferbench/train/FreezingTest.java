package io.transferbench.train;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import io.transferbench.data.Splits;
import io.transferbench.spec.CellSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Frozen stages keep their weights and BatchNorm statistics bit for bit; the rest train. */
class FreezingTest {

    @TempDir
    Path dir;

    private final TrainingFixture fixture = new TrainingFixture();

    private Map<String, float[]>[] trainAndCompare(CellSpec spec) {
        Splits splits = fixture.data(spec);
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            TrainingFixture.Start start = fixture.start(spec, splits, manager);
            @SuppressWarnings("unchecked")
            Map<String, float[]>[] after = new Map[1];
            TrainingOutcome o = new CellTrainer(Device.cpu()).train(spec, splits, fixture.catalog.task(spec.task()),
                    fixture.family(spec), start.snapshot(), TrainingFixture.QUIET,
                    net -> after[0] = TrainingFixture.stageValues(net));
            assertEquals(TrainingOutcome.OK, o.status(), o.reason());
            @SuppressWarnings("unchecked")
            Map<String, float[]>[] both = new Map[] {start.values(), after[0]};
            return both;
        }
    }

    @Test
    void partialFreezeKeepsFrozenStagesBitIdenticalAndTrainsTheRest() {
        CellSpec spec = fixture.cells(dir, "grid.freeze=2").get(0);
        Map<String, float[]>[] r = trainAndCompare(spec);
        Map<String, float[]> before = r[0];
        Map<String, float[]> after = r[1];
        assertEquals(before.keySet(), after.keySet());
        int runningStats = 0;
        for (String key : before.keySet()) {
            boolean frozen = key.startsWith("0/") || key.startsWith("1/");
            boolean same = Arrays.equals(before.get(key), after.get(key));
            if (frozen) {
                assertTrue(same, key + " is in a frozen stage but changed");
            } else {
                assertFalse(same, key + " is in a trainable stage but did not change");
            }
            if (key.contains("runningMean") || key.contains("runningVar")) {
                runningStats++;
            }
        }
        assertEquals(6, runningStats, "BatchNorm running mean and variance of all 3 stages were compared");
    }

    @Test
    void linearProbeKeepsTheWholeBackboneAndTrainsOnlyTheHead() {
        CellSpec spec = fixture.cells(dir, "grid.freeze=all").get(0);
        Map<String, float[]>[] r = trainAndCompare(spec);
        r[0].forEach((key, value) -> assertTrue(Arrays.equals(value, r[1].get(key)), key + " changed"));
    }

    @Test
    void fullFineTuningMovesEveryStage() {
        CellSpec spec = fixture.cells(dir, "grid.freeze=0").get(0);
        Map<String, float[]>[] r = trainAndCompare(spec);
        r[0].forEach((key, value) -> assertFalse(Arrays.equals(value, r[1].get(key)), key + " did not change"));
    }

    /** libtorch's grad mode is a thread's own, on by default: a cell must not depend on which thread loaded the engine. */
    @Test
    void aCellOnAThreadThatDidNotLoadTheEngineTrainsAsOnThisOne() throws Exception {
        CellSpec spec = fixture.cells(dir, "grid.freeze=0").get(0);
        Map<String, float[]> here = trainAndCompare(spec)[1];
        FutureTask<Map<String, float[]>> elsewhere = new FutureTask<>(() -> trainAndCompare(spec)[1]);
        Thread fresh = new Thread(elsewhere, "fresh");
        fresh.start();
        Map<String, float[]> there = elsewhere.get(5, TimeUnit.MINUTES);
        assertEquals(here.keySet(), there.keySet());
        here.forEach((key, value) -> assertArrayEquals(value, there.get(key), key));
    }

    @Test
    void freezingLeavesOnlyUnfrozenStagesAndTheHeadTrainable() {
        CellSpec spec = fixture.cells(dir, "grid.freeze=2").get(0);
        Splits splits = fixture.data(spec);
        var backbone = fixture.family(spec).build(spec.model(), splits.inputShape());
        var net = new TransferNetwork(backbone,
                fixture.catalog.task(spec.task()).head(spec.head(), splits.targets(), backbone));
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            net.initialize(manager, ai.djl.ndarray.types.DataType.FLOAT32, CellTrainer.batchShape(splits.inputShape()));
            net.freezeStages(2);
            for (int i = 0; i < 3; i++) {
                for (var p : net.stages().get(i).getParameters()) {
                    boolean stat = p.getValue().getType() == Parameter.Type.RUNNING_MEAN
                            || p.getValue().getType() == Parameter.Type.RUNNING_VAR;
                    assertEquals(i >= 2 && !stat, p.getValue().requiresGradient(), "stage " + i + " " + p.getKey());
                }
            }
            net.freezeStages(0);
            long statsTrainable = net.getParameters().values().stream()
                    .filter(p -> p.getType() == Parameter.Type.RUNNING_MEAN && p.requiresGradient()).count();
            assertEquals(0, statsTrainable, "unfreezing never makes running statistics trainable");
        }
    }
}
