package io.transferbench.tasks.classification;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.loss.Loss;
import io.transferbench.suite.HeadSpec;
import io.transferbench.suite.TrainingSpec;
import io.transferbench.tasks.Evaluator;
import io.transferbench.tasks.MetricSpec;
import io.transferbench.tasks.Task;

import java.util.List;

/**
 * Single-label classification over pooled backbone features. The same task serves every domain
 * (vectors, images, text, audio): only the name differs, so suites say what they measure.
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
    public Block head(HeadSpec spec, int numClasses) {
        SequentialBlock head = new SequentialBlock();
        if (spec.dropout() > 0) {
            head.add(Dropout.builder().optRate((float) spec.dropout()).build());
        }
        if (spec.hidden() > 0) {
            head.add(Linear.builder().setUnits(spec.hidden()).build()).add(Activation::relu);
        }
        return head.add(Linear.builder().setUnits(numClasses).build());
    }

    @Override
    public Loss loss(TrainingSpec training) {
        return new SmoothedCrossEntropy(training.labelSmoothing());
    }

    @Override
    public Evaluator newEvaluator(List<String> classNames) {
        return new ClassificationEvaluator(classNames);
    }
}
