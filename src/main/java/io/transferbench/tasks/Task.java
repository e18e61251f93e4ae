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

    /** The metrics this task reports; the first is the one used to pick checkpoints by default. */
    List<MetricSpec> metrics();

    /** The metric of this name, the loss included. */
    default MetricSpec metric(String name) {
        if (name.equals(MetricSpec.LOSS.name())) {
            return MetricSpec.LOSS;
        }
        return metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("task " + name() + " reports no metric '" + name + "'"));
    }

    default List<String> metricNames() {
        return metrics().stream().map(MetricSpec::name).toList();
    }

    /** A new, uninitialised head that maps backbone features to predictions. */
    Block head(HeadSpec spec, int numClasses);

    Loss loss(TrainingSpec training);

    Evaluator newEvaluator(List<String> classNames);
}
