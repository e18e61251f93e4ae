package io.transferbench.results;

import java.util.Map;

/** A cell's scores on one further evaluation set: the task's metrics with the loss, and per class where meaningful. */
public record TestScores(Map<String, Double> metrics, Map<String, Double> perClass) {}
