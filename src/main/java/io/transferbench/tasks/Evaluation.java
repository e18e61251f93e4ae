package io.transferbench.tasks;

import java.util.Map;

/**
 * Scores of one evaluation: the task's metrics and, where meaningful, one score per class and
 * each example's outcome (classification: its true and predicted class, in the set's order).
 *
 * @param outcomes null where the task keeps none
 */
public record Evaluation(Map<String, Double> metrics, Map<String, Double> perClass, ExampleOutcomes outcomes) {

    public Evaluation(Map<String, Double> metrics, Map<String, Double> perClass) {
        this(metrics, perClass, null);
    }
}
