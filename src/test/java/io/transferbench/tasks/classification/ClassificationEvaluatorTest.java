package io.transferbench.tasks.classification;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.transferbench.tasks.Evaluation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Arg-max predictions over batches, scored into accuracy, macro-F1 and per-class F1. */
class ClassificationEvaluatorTest {

    @Test
    void scoresArgMaxPredictionsAccumulatedOverBatches() {
        ClassificationEvaluator evaluator = new ClassificationEvaluator(List.of("ham", "spam"));
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            // batch 1: predicted spam, ham, spam for actual spam, ham, ham
            evaluator.add(new NDList(manager.create(new float[][] {{0.1f, 2f}, {3f, -1f}, {0f, 0.5f}})),
                    new NDList(manager.create(new long[] {1, 0, 0})));
            // batch 2: predicted ham for actual spam
            evaluator.add(new NDList(manager.create(new float[][] {{1f, 0f}})), new NDList(manager.create(new long[] {1})));
        }
        Evaluation result = evaluator.result();
        // 2 of 4 right; ham: tp 1, fp 1, fn 1 -> 0.5; spam: tp 1, fp 1, fn 1 -> 0.5
        assertEquals(0.5, result.metrics().get(ClassificationTask.ACCURACY), 1e-12);
        assertEquals(0.5, result.metrics().get(ClassificationTask.MACRO_F1), 1e-12);
        assertEquals(0.5, result.perClass().get("ham"), 1e-12);
        assertEquals(0.5, result.perClass().get("spam"), 1e-12);
    }

    @Test
    void perClassF1FollowsTheClassNames() {
        ClassificationEvaluator evaluator = new ClassificationEvaluator(List.of("a", "b", "c"));
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            // actual a, a, b, c; predicted a, b, b, b
            evaluator.add(new NDList(manager.create(new float[][] {{5, 0, 0}, {0, 5, 0}, {0, 5, 0}, {0, 5, 1}})),
                    new NDList(manager.create(new long[] {0, 0, 1, 2})));
        }
        Evaluation result = evaluator.result();
        // a: tp 1, fn 1 -> 2/3; b: tp 1, fp 2 -> 2/4; c: tp 0 -> 0
        assertEquals(List.of("a", "b", "c"), List.copyOf(result.perClass().keySet()));
        assertEquals(2.0 / 3, result.perClass().get("a"), 1e-12);
        assertEquals(0.5, result.perClass().get("b"), 1e-12);
        assertEquals(0.0, result.perClass().get("c"), 1e-12);
        assertEquals(2.0 / 4, result.metrics().get(ClassificationTask.ACCURACY), 1e-12);
        assertEquals((2.0 / 3 + 0.5) / 3, result.metrics().get(ClassificationTask.MACRO_F1), 1e-12);
    }
}
