package io.transferbench.train;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import io.transferbench.data.Splits;
import io.transferbench.spec.CellSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LayerDecayTest {

    @TempDir
    Path dir;

    @Test
    void stageIOfNLearnsAtLrTimesDecayToTheNMinusIAndTheHeadAtLrTimesHeadScale() {
        TrainingFixture fixture = new TrainingFixture();
        CellSpec spec = fixture.cells(dir).get(0);
        Splits splits = fixture.data(spec);
        var backbone = fixture.family(spec).build(spec.model(), splits.inputShape());
        var net = new TransferNetwork(backbone,
                fixture.catalog.task(spec.task()).head(spec.head(), splits.targets(), backbone));
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            net.initialize(manager, DataType.FLOAT32, CellTrainer.batchShape(splits.inputShape()));
            Map<String, Double> multipliers = LayerDecay.multipliers(net, 0.5, 20);
            LearningRates rates = new LearningRates(0.01, step -> 1.0, multipliers, () -> 0);
            for (int i = 0; i < 3; i++) {
                for (var p : net.stages().get(i).getParameters()) {
                    double expected = 0.01 * Math.pow(0.5, 3 - i);
                    assertEquals(expected, rates.getNewValue(p.getValue().getId(), 1), 1e-9, "stage " + i);
                }
            }
            for (Parameter p : net.head().getParameters().values()) {
                assertEquals(0.2, rates.getNewValue(p.getId(), 1), 1e-6, "the head learns at lr x head-lr-scale");
            }
        }
    }

    @Test
    void ratesFollowTheCellsStepsNotEachParametersUpdateCount() {
        long[] step = {0};
        LearningRates rates = new LearningRates(0.1, s -> 1.0 / (s + 1), Map.of("p", 0.5), () -> step[0]);
        assertEquals(0.05, rates.getNewValue("p", 1), 1e-9);
        step[0] = 1;
        assertEquals(0.025, rates.getNewValue("p", 2), 1e-9);
        assertEquals(0.05, rates.getNewValue("late", 1), 1e-9,
                "a parameter without a multiplier, updated for the first time at step 1, joins the schedule at step 1");
    }
}
