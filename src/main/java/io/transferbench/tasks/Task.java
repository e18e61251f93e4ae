package io.transferbench.tasks;

import ai.djl.training.loss.Loss;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transferbench.data.Targets;
import io.transferbench.models.Backbone;
import io.transferbench.spec.Rule;

import java.util.List;
import java.util.Optional;

/**
 * A kind of problem (classification, segmentation, ...): the head it puts on a backbone, its
 * loss, and how it is scored. Its head and loss options live under the suite's {@code head:},
 * checked by its own rule, as a model family's options live under {@code model.options}.
 */
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

    /** The fields allowed under {@code head}, with their defaults. */
    Rule.ObjectRule headRule();

    /** A new, uninitialised head for this backbone and these targets, configured by {@code options}. */
    TaskHead head(ObjectNode options, Targets targets, Backbone backbone);

    Loss loss(ObjectNode options);

    Evaluator newEvaluator(Targets targets);

    /**
     * How to draw this task's predictions over the examples, for tasks where a picture says more
     * than a score (masks, boxes); empty for the others.
     */
    default Optional<PredictionDrawer> drawer(Targets targets) {
        return Optional.empty();
    }
}
