package io.transferbench.tasks;

import ai.djl.nn.Block;
import ai.djl.training.loss.Loss;
import io.transferbench.suite.HeadSpec;
import io.transferbench.suite.TrainingSpec;

import java.util.List;

/** A kind of problem (classification, detection, ...): its head, its loss and how it is scored. */
public interface Task {

    String name();

    String description();

    /** Metric names this task reports; the first is the one used to pick checkpoints by default. */
    List<String> metrics();

    boolean higherIsBetter(String metric);

    /** A new, uninitialised head that maps backbone features to predictions. */
    Block head(HeadSpec spec, int numClasses);

    Loss loss(TrainingSpec training);

    Evaluator newEvaluator(List<String> classNames);
}
