package io.transferbench.tasks.classification;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.loss.Loss;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transferbench.data.Targets;
import io.transferbench.models.Backbone;
import io.transferbench.spec.Rule;
import io.transferbench.tasks.Evaluator;
import io.transferbench.tasks.MetricSpec;
import io.transferbench.tasks.Task;
import io.transferbench.tasks.TaskHead;

import java.util.List;

/**
 * Single-label classification over pooled backbone features. The same task serves every domain
 * (vectors, images, text, audio): only the name differs, so suites say what they measure.
 *
 * <p>Head options: {@code dropout} before the linear layer, an optional {@code hidden} ReLU
 * layer, and {@code label-smoothing} of the cross-entropy targets.
 */
public final class ClassificationTask implements Task {

    public static final String ACCURACY = "accuracy";
    public static final String MACRO_F1 = "macro_f1";

    private final String name;
    private final String description;

    public ClassificationTask(String name, String description) {
        this.name = name;
        this.description = description;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public List<MetricSpec> metrics() {
        return List.of(new MetricSpec(ACCURACY, true), new MetricSpec(MACRO_F1, true));
    }

    @Override
    public Rule.ObjectRule headRule() {
        return Rule.object()
                .optional("dropout", Rule.number(0, true, 1, false), 0.0)
                .optional("hidden", Rule.integer(0, 65_536), 0)
                .optional("label-smoothing", Rule.number(0, true, 1, false), 0.0)
                .build();
    }

    @Override
    public TaskHead head(ObjectNode options, Targets targets, Backbone backbone) {
        double dropout = options.path("dropout").asDouble(0);
        int hidden = options.path("hidden").asInt(0);
        SequentialBlock layers = new SequentialBlock();
        if (dropout > 0) {
            layers.add(Dropout.builder().optRate((float) dropout).build());
        }
        long in = backbone.featureDim();
        long multiplyAdds = 0;
        if (hidden > 0) {
            layers.add(Linear.builder().setUnits(hidden).build()).add(Activation::relu);
            multiplyAdds += in * hidden;
            in = hidden;
        }
        layers.add(Linear.builder().setUnits(targets.classCount()).build());
        multiplyAdds += in * targets.classCount();
        return TaskHead.onPooledFeatures(backbone, layers, 2 * multiplyAdds);
    }

    @Override
    public Loss loss(ObjectNode options) {
        return new SmoothedCrossEntropy(options.path("label-smoothing").asDouble(0));
    }

    @Override
    public Evaluator newEvaluator(Targets targets) {
        return new ClassificationEvaluator(targets.classNames());
    }
}
