package io.transferbench.tasks;

import java.util.Map;

/** Scores of one evaluation: the task's metrics and, where meaningful, one score per class. */
public record Evaluation(Map<String, Double> metrics, Map<String, Double> perClass) {}
