package io.transferbench.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import io.transferbench.data.Batch;
import io.transferbench.data.BatchPlan;
import io.transferbench.data.ExampleSet;
import io.transferbench.spec.CellSpec;
import io.transferbench.spec.TrainingSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongFunction;

/**
 * The optimisation side of a cell: one optimizer per phase with the cell's learning rates, and
 * epochs of shuffled batches with gradient clipping and a guard against divergence. Counts the
 * time and examples trained.
 */
final class TrainingSteps {

    /** Any id without a multiplier reads the cell's base rate; curves report it under this id. */
    private static final String HEAD = "head";

    private final CellSpec spec;
    private final TrainingSpec training;
    private final Model model;
    private final TransferNetwork net;
    private final Loss loss;
    private final Device device;
    private final int trainSize;
    private final Random shuffle;
    /** One reference for the whole cell: its first step, when the head is still untrained. */
    private final DivergenceGuard guard;
    private LearningRates rates;
    private long phaseStep;
    private long stepsDone;
    private double seconds;
    private long samples;
    private final ExampleTally<StepShape> shapes = new ExampleTally<>();

    /** What a training step ran: its padded length, the stage its inputs entered at, and the stages it left frozen. */
    record StepShape(int paddedLength, int inputDepth, int frozenStages) {}

    TrainingSteps(CellSpec spec, Model model, TransferNetwork net, Loss loss, Device device, int trainSize) {
        this.spec = spec;
        this.training = spec.training();
        this.model = model;
        this.net = net;
        this.loss = loss;
        this.device = device;
        this.trainSize = trainSize;
        this.shuffle = new Random(spec.seed());
        this.guard = new DivergenceGuard(training.divergenceFactor());
    }

    /** How one epoch went: its mean batch loss, last learning rate and throughput, or why training diverged. */
    record EpochResult(double meanLoss, double lastLr, double samplesPerSecond, String divergence) {}

    /**
     * A trainer for {@code phase}, its schedule spanning the phase's epochs. Its one optimizer
     * keeps the moments of every parameter it has updated while more stages unfreeze.
     */
    Trainer newTrainer(Phase phase) {
        long stepsPerEpoch = stepsPerEpoch();
        Schedule schedule = Schedule.of(spec.schedule(), training, stepsPerEpoch * phase.epochs(), stepsPerEpoch);
        Map<String, Double> multipliers = LayerDecay.multipliers(net, spec.layerDecay(), training.headLrScale());
        for (int i = 0; i < net.stages().size(); i++) {
            double scale = phase.stageScale(i);
            net.stages().get(i).getParameters().values().forEach(p -> multipliers.merge(p.getId(), scale, (a, b) -> a * b));
        }
        rates = new LearningRates(spec.lr() * phase.lrScale(), schedule, multipliers, () -> phaseStep);
        phaseStep = 0;
        DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                .optOptimizer(Optimizers.create(training, rates, model.getNDManager()))
                .optDevices(new Device[] {device});
        return model.newTrainer(config);
    }

    /**
     * @param trainingSet the examples as the network takes them at a step of the phase (0-based):
     *     the stages frozen at that step may differ from the last one's
     */
    EpochResult epoch(Trainer trainer, LongFunction<ExampleSet> trainingSet) {
        List<int[]> batches = BatchPlan.training(trainingSet.apply(phaseStep), batchSize(), shuffle);
        double lossSum = 0;
        long t0 = System.nanoTime();
        double epochSeconds;
        long epochSamples = 0;
        NDManager root = model.getNDManager();
        try {
            for (int[] idx : batches) {
                try (NDManager step = root.newSubManager()) {
                    ExampleSet train = trainingSet.apply(phaseStep);
                    Batch b = train.batch(step, idx);
                    double value;
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDList preds = trainer.forward(b.inputs());
                        NDArray l = loss.evaluate(b.labels(), preds);
                        gc.backward(l);
                        value = l.getFloat();
                    }
                    String why = guard.check(value, stepsDone);
                    if (why != null) {
                        return new EpochResult(Double.NaN, 0, 0, why);
                    }
                    if (training.gradClip() > 0) {
                        clipGradients(training.gradClip(), step);
                    }
                    trainer.step();
                    phaseStep++;
                    stepsDone++;
                    lossSum += value;
                    shapes.add(new StepShape(BatchPlan.paddedLength(train, idx), net.inputDepth(), net.frozenStages()),
                            idx.length);
                    epochSamples += idx.length;
                }
            }
        } finally {
            epochSeconds = (System.nanoTime() - t0) / 1e9;
            seconds += epochSeconds;
        }
        samples += epochSamples;
        return new EpochResult(lossSum / batches.size(), rates.at(HEAD, phaseStep - 1), epochSamples / epochSeconds,
                null);
    }

    /** Training batches are never larger than the split; a last, partial batch is dropped. */
    private int batchSize() {
        return Math.min(training.batchSize(), trainSize);
    }

    long stepsPerEpoch() {
        return Math.max(1, trainSize / batchSize());
    }

    /** Clips the gradients of the trainable parameters by their global L2 norm. */
    private void clipGradients(double maxNorm, NDManager step) {
        List<NDArray> grads = new ArrayList<>();
        for (Pair<String, Parameter> p : net.getParameters()) {
            if (p.getValue().requiresGradient()) {
                grads.add(p.getValue().getArray().getGradient());
            }
        }
        GradientClipping.clip(grads, maxNorm, step);
    }

    double seconds() {
        return seconds;
    }

    long samples() {
        return samples;
    }

    /** The shapes of the steps trained so far. */
    ExampleTally<StepShape> shapes() {
        return shapes;
    }
}
