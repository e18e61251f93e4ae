package io.transferbench.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import io.transferbench.data.Batch;
import io.transferbench.data.BatchPlan;
import io.transferbench.data.ExampleSet;
import io.transferbench.data.Targets;
import io.transferbench.tasks.Evaluation;
import io.transferbench.tasks.Evaluator;
import io.transferbench.tasks.ExampleOutcomes;
import io.transferbench.tasks.MetricSpec;
import io.transferbench.tasks.Task;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Scores a network on a split in inference mode, and counts the time and examples that took. */
final class Scorer {

    private final Task task;
    private final Targets targets;
    private final Loss loss;
    private final NDManager manager;
    private final int batchSize;
    private double seconds;
    private long samples;
    private final ExampleTally<Integer> lengths = new ExampleTally<>();

    Scorer(Task task, Targets targets, Loss loss, NDManager manager, int batchSize) {
        this.task = task;
        this.targets = targets;
        this.loss = loss;
        this.manager = manager;
        this.batchSize = batchSize;
    }

    /** The task's metrics on {@code set}, with the mean loss under {@link MetricSpec#LOSS}. */
    Evaluation score(TransferNetwork net, ExampleSet set) {
        long t0 = System.nanoTime();
        Evaluator evaluator = task.newEvaluator(targets);
        ParameterStore store = new ParameterStore(manager, false);
        int n = set.size();
        double lossSum = 0;
        List<int[]> batches = BatchPlan.evaluation(set, batchSize);
        for (int[] idx : batches) {
            lengths.add(BatchPlan.paddedLength(set, idx), idx.length);
            try (NDManager m = manager.newSubManager()) {
                Batch b = set.batch(m, idx);
                NDList preds = net.forward(store, b.inputs(), false);
                lossSum += loss.evaluate(b.labels(), preds).getFloat() * idx.length;
                evaluator.add(preds, b.labels());
            }
        }
        seconds += (System.nanoTime() - t0) / 1e9;
        samples += n;
        Evaluation scores = evaluator.result();
        Map<String, Double> metrics = new TreeMap<>(scores.metrics());
        metrics.put(MetricSpec.LOSS.name(), lossSum / Math.max(1, n));
        return new Evaluation(metrics, scores.perClass(), inSetOrder(scores.outcomes(), batches));
    }

    /** Outcomes in the set's order: evaluation visits examples in length order where lengths vary. */
    private static ExampleOutcomes inSetOrder(ExampleOutcomes visited, List<int[]> batches) {
        if (visited == null) {
            return null;
        }
        int[] truth = new int[visited.size()];
        int[] predicted = new int[visited.size()];
        int k = 0;
        for (int[] idx : batches) {
            for (int i : idx) {
                truth[i] = visited.truth()[k];
                predicted[i] = visited.predicted()[k];
                k++;
            }
        }
        return new ExampleOutcomes(truth, predicted);
    }

    static int[] range(int from, int count) {
        int[] idx = new int[count];
        for (int i = 0; i < count; i++) {
            idx[i] = from + i;
        }
        return idx;
    }

    double seconds() {
        return seconds;
    }

    long samples() {
        return samples;
    }

    /** The padded lengths of the batches scored so far. */
    ExampleTally<Integer> lengths() {
        return lengths;
    }
}
