package io.transferbench.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import io.transferbench.Mappers;
import io.transferbench.spec.TrainingSpec;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The optimizer's state lives in the manager the cell closes (DJL detaches it, and it leaked),
 * and weight decay spares biases and normalisation scales unless a suite asks otherwise.
 */
class OptimizerStateTest {

    private static TrainingSpec training(String extra) {
        return Mappers.SUITE.convertValue(Mappers.SUITE.createObjectNode().put("epochs", 1).put("weight-decay", 0.5)
                .put("optimizer", "adamw").put("decay-biases-and-norms", extra.equals("decay-all")), TrainingSpec.class);
    }

    private static LearningRates rates() {
        return new LearningRates(0.1, step -> 1.0, Map.of(), () -> 0);
    }

    @Test
    void adamWMomentsAreFreedWithTheManagerThatOwnsThem() {
        try (NDManager root = NDManager.newBaseManager(Device.cpu())) {
            NDManager cell = root.newSubManager();
            NDArray weight = cell.ones(new ai.djl.ndarray.types.Shape(3, 2));
            NDArray grad = cell.ones(new ai.djl.ndarray.types.Shape(3, 2));
            Optimizer adamw = Optimizers.create(training("exempt"), rates(), cell);
            int before = cell.getManagedArrays().size();
            adamw.update("w", weight, grad);
            assertEquals(before + 2, cell.getManagedArrays().size(), "the two moments of w are in the cell's manager");
            cell.close();
            assertTrue(weight.isReleased());
        }
    }

    @Test
    void weightDecaySparesBiasesAndScalesByDefaultAndDecaysEverythingWhenAsked() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            for (String mode : new String[] {"exempt", "decay-all"}) {
                NDArray matrix = manager.ones(new ai.djl.ndarray.types.Shape(2, 2));
                NDArray bias = manager.ones(new ai.djl.ndarray.types.Shape(2));
                Optimizer optimizer = Optimizers.create(training(mode), rates(), manager);
                // A zero gradient leaves AdamW's step at lr x wd x w: 0.1 x 0.5 x 1 = 0.05.
                optimizer.update("matrix", matrix, manager.zeros(matrix.getShape()));
                optimizer.update("bias", bias, manager.zeros(bias.getShape()));
                assertEquals(0.95f, matrix.getFloat(0, 0), 1e-6f, mode + ": weight matrices decay");
                assertEquals(mode.equals("exempt") ? 1.0f : 0.95f, bias.getFloat(0), 1e-6f, mode + ": biases");
            }
        }
    }
}
