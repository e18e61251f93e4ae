package io.transferbench.tasks.classification;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import io.transferbench.metrics.ConfusionMatrix;
import io.transferbench.tasks.ExampleOutcomes;
import io.transferbench.tasks.Evaluation;
import io.transferbench.tasks.Evaluator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Accuracy, macro-F1 and per-class F1 from arg-max predictions. */
final class ClassificationEvaluator implements Evaluator {

    private final List<String> classNames;
    private final ConfusionMatrix confusion;
    private final IntStream.Builder truth = IntStream.builder();
    private final IntStream.Builder predictedClasses = IntStream.builder();

    ClassificationEvaluator(List<String> classNames) {
        this.classNames = classNames;
        this.confusion = new ConfusionMatrix(classNames.size());
    }

    @Override
    public void add(NDList predictions, NDList labels) {
        NDArray logits = predictions.singletonOrThrow();
        long[] predicted = logits.argMax(-1).toType(ai.djl.ndarray.types.DataType.INT64, false).toLongArray();
        long[] actual = labels.singletonOrThrow().toType(ai.djl.ndarray.types.DataType.INT64, false).toLongArray();
        for (int i = 0; i < actual.length; i++) {
            confusion.add((int) actual[i], (int) predicted[i]);
            truth.add((int) actual[i]);
            predictedClasses.add((int) predicted[i]);
        }
    }

    @Override
    public Evaluation result() {
        Map<String, Double> perClass = new LinkedHashMap<>();
        for (int c = 0; c < classNames.size(); c++) {
            perClass.put(classNames.get(c), confusion.f1(c));
        }
        return new Evaluation(
                Map.of(ClassificationTask.ACCURACY, confusion.accuracy(), ClassificationTask.MACRO_F1, confusion.macroF1()),
                perClass, new ExampleOutcomes(truth.build().toArray(), predictedClasses.build().toArray()));
    }
}
