package io.transferbench.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import io.transferbench.data.Batch;
import io.transferbench.data.ExampleSet;
import io.transferbench.data.Splits;
import io.transferbench.models.Backbone;
import io.transferbench.models.ModelFamily;
import io.transferbench.results.MemoryProbe;
import io.transferbench.suite.CellSpec;
import io.transferbench.suite.TrainingSpec;
import io.transferbench.tasks.Evaluation;
import io.transferbench.tasks.Evaluator;
import io.transferbench.tasks.Task;
import io.transferbench.tasks.TaskHead;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains and evaluates one cell: builds the network, puts the pretrained weights in, runs the
 * strategy's phases epoch by epoch with validation after each, keeps the best-on-validation
 * weights, and scores them on test.
 */
public final class CellTrainer {

    /** Any id without a multiplier reads the cell's base rate; curves report it under this id. */
    private static final String HEAD = "head";
    /** The metric name under which evaluations report their mean loss. */
    private static final String LOSS = io.transferbench.tasks.MetricSpec.LOSS.name();

    private final Device device;
    private final FeatureCache cache;

    /** A trainer that runs frozen stages every step (no cache). */
    public CellTrainer(Device device) {
        this(device, null);
    }

    /** A trainer that caches frozen-stage outputs in {@code cache}, shared with other cells of the run. */
    public CellTrainer(Device device, FeatureCache cache) {
        this.device = device;
        this.cache = cache;
    }

    /** Reports progress inside a cell: phase, epoch, epochs in the phase. */
    public interface Listener {
        void epochDone(String phase, int epoch, int epochs);
    }

    /**
     * @param pretrained the backbone weights to start from, or null for a from-scratch cell
     * @param trained sees the network with its best weights after the test evaluation (to keep
     *     them, as source pretraining does); may be null
     */
    public TrainingOutcome train(CellSpec spec, Splits splits, Task task, ModelFamily family,
                                 WeightSnapshot pretrained, Listener listener, Consumer<TransferNetwork> trained) {
        Engine.getInstance().setRandomSeed((int) spec.seed());
        try (Model model = Model.newInstance("cell", device)) {
            Backbone backbone = family.build(spec.model(), splits.inputShape());
            TaskHead head = task.head(spec.head(), splits.targets(), backbone);
            TransferNetwork net = new TransferNetwork(backbone, head);
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, batchShape(splits.inputShape()));
            if (pretrained != null) {
                pretrained.restore(net.stages());
            }
            TrainingOutcome outcome = new Run(spec, splits, task, model, net, backbone, head.flopsPerExample(), pretrained,
                    listener).execute();
            if (trained != null && TrainingOutcome.OK.equals(outcome.status())) {
                trained.accept(net);
            }
            return outcome;
        }
    }

    /** A two-example batch of this input shape, for initialising parameters (BatchNorm needs two). */
    public static Shape batchShape(long[] inputShape) {
        long[] dims = new long[inputShape.length + 1];
        dims[0] = 2;
        System.arraycopy(inputShape, 0, dims, 1, inputShape.length);
        return new Shape(dims);
    }

    /** The state of one cell's training. */
    private final class Run {
        private final CellSpec spec;
        private final Splits splits;
        private final Task task;
        private final Model model;
        private final TransferNetwork net;
        private final Backbone backbone;
        private final long headFlops;
        private final WeightSnapshot pretrained;
        private final Listener listener;
        private final TrainingSpec training;
        private final Loss loss;
        private final String selectMetric;
        private final boolean higherIsBetter;
        private final Random shuffle;
        private final ExampleSet trainSet;
        /** What the network takes as input in the current phase: raw examples, or cached stage outputs. */
        private ExampleSet train;
        private ExampleSet val;
        private ExampleSet test;
        private int inputDepth;
        private String featureCache = TrainingOutcome.CACHE_OFF;
        private double featureSeconds;
        private final long started = System.nanoTime();
        private final List<EpochPoint> curve = new ArrayList<>();
        private double trainSeconds;
        private long trainSamples;
        private double evalSeconds;
        private long evalSamples;
        private Double timeToTarget;
        private Integer targetEpoch;
        private int epochCounter;
        private LearningRates rates;
        private long phaseStep;
        private long stepsDone;
        /** One reference for the whole cell: its first step, when the head is still untrained. */
        private final DivergenceGuard guard;

        Run(CellSpec spec, Splits splits, Task task, Model model, TransferNetwork net, Backbone backbone,
            long headFlops, WeightSnapshot pretrained, Listener listener) {
            this.spec = spec;
            this.splits = splits;
            this.task = task;
            this.model = model;
            this.net = net;
            this.backbone = backbone;
            this.headFlops = headFlops;
            this.pretrained = pretrained;
            this.listener = listener;
            this.training = spec.training();
            this.loss = task.loss(spec.head());
            this.selectMetric = training.earlyStopping() != null
                    ? training.earlyStopping().metric() : task.metrics().get(0).name();
            this.higherIsBetter = task.metric(selectMetric).higherIsBetter();
            this.shuffle = new Random(spec.seed());
            this.trainSet = splits.train().forTraining(spec.seed());
            this.guard = new DivergenceGuard(training.divergenceFactor());
        }

        TrainingOutcome execute() {
            int stageCount = net.stages().size();
            List<Phase> phases = Phase.plan(spec, stageCount);
            WeightSnapshot best = null;
            double bestScore = Double.NaN;
            int bestEpoch = 0;
            Evaluation bestVal = null;
            long trainable = 0;
            try {
                for (Phase phase : phases) {
                    net.freezeStages(phase.frozenStages());
                    takeInputsAfterFrozenStages(phase.frozenStages());
                    trainable = net.trainableParameterCount();
                    int sinceBest = 0;
                    try (Trainer trainer = newTrainer(phase)) {
                        for (int epoch = 1; epoch <= phase.epochs(); epoch++) {
                            EpochResult er = trainEpoch(trainer);
                            if (er.divergence != null) {
                                return outcome(TrainingOutcome.DIVERGED, er.divergence, bestEpoch, bestVal, null,
                                        trainable);
                            }
                            Evaluation val = evaluate(this.val);
                            epochCounter++;
                            double elapsed = seconds(System.nanoTime() - started);
                            curve.add(new EpochPoint(phase.name(), epochCounter, er.meanLoss,
                                    val.metrics().get(LOSS), val.metrics(), er.lastLr, elapsed,
                                    MemoryProbe.residentBytes()));
                            noteTarget(val, elapsed);
                            double score = val.metrics().get(selectMetric);
                            if (best == null || better(score, bestScore)) {
                                if (best != null) {
                                    best.close();
                                }
                                best = WeightSnapshot.of(List.of(net), model.getNDManager());
                                bestScore = score;
                                bestEpoch = epochCounter;
                                bestVal = val;
                                sinceBest = 0;
                            } else {
                                sinceBest++;
                            }
                            listener.epochDone(phase.name(), epoch, phase.epochs());
                            if (training.earlyStopping() != null && sinceBest >= training.earlyStopping().patience()) {
                                break;
                            }
                        }
                    }
                }
                best.restore(List.of(net));
                // Phases only unfreeze, so the stages cached for this phase still hold the pretrained weights.
                Evaluation test = evaluate(this.test);
                return outcome(TrainingOutcome.OK, null, bestEpoch, bestVal, test, trainable);
            } finally {
                if (best != null) {
                    best.close();
                }
            }
        }

        /**
         * Feeds the network cached outputs of its {@code frozen} first stages when that is exact:
         * the stages hold the pretrained weights and no augmentation changes the inputs.
         */
        private void takeInputsAfterFrozenStages(int frozen) {
            boolean cacheable = cache != null && pretrained != null && frozen > 0 && training.cachesFeatures()
                    && !trainSet.augmented();
            if (!cacheable) {
                net.takeInputsAtDepth(0);
                inputDepth = 0;
                train = trainSet;
                val = splits.val();
                test = splits.test();
                return;
            }
            FeatureCache.Entry entry = cache.find(pretrained, splits, frozen);
            String use = TrainingOutcome.CACHE_REUSED;
            if (entry == null) {
                long t0 = System.nanoTime();
                entry = cache.load(pretrained, splits, frozen);
                featureSeconds += seconds(System.nanoTime() - t0);
                use = TrainingOutcome.CACHE_LOADED;
            }
            if (entry == null) {
                long t0 = System.nanoTime();
                net.takeInputsAtDepth(0);
                entry = cache.compute(pretrained, splits, frozen, net, training.evalBatchSize());
                featureSeconds += seconds(System.nanoTime() - t0);
                use = TrainingOutcome.CACHE_COMPUTED;
            }
            // A cell that computed or loaded features in one phase says so, whatever a later phase reused.
            featureCache = featureCache.equals(TrainingOutcome.CACHE_COMPUTED)
                    || featureCache.equals(TrainingOutcome.CACHE_LOADED) ? featureCache : use;
            net.takeInputsAtDepth(frozen);
            inputDepth = frozen;
            train = entry.train();
            val = entry.val();
            test = entry.test();
        }

        private boolean better(double score, double bestScore) {
            return higherIsBetter ? score > bestScore : score < bestScore;
        }

        private void noteTarget(Evaluation val, double elapsed) {
            TrainingSpec.Target target = training.target();
            if (target == null || timeToTarget != null) {
                return;
            }
            double v = val.metrics().get(target.metric());
            boolean reached = task.metric(target.metric()).higherIsBetter() ? v >= target.value() : v <= target.value();
            if (reached) {
                timeToTarget = elapsed;
                targetEpoch = epochCounter;
            }
        }

        /** Training batches are never larger than the split; a last, partial batch is dropped. */
        private int trainBatch() {
            return Math.min(training.batchSize(), splits.train().size());
        }

        private int stepsPerEpoch() {
            return Math.max(1, splits.train().size() / trainBatch());
        }

        private Trainer newTrainer(Phase phase) {
            long stepsPerEpoch = stepsPerEpoch();
            Schedule schedule = Schedule.of(spec.schedule(), training, stepsPerEpoch * phase.epochs(), stepsPerEpoch);
            rates = new LearningRates(spec.lr() * phase.lrScale(), schedule, LayerDecay.multipliers(net, spec.layerDecay(),
                    training.headLrScale()));
            phaseStep = 0;
            DefaultTrainingConfig config = new DefaultTrainingConfig(loss)
                    .optOptimizer(Optimizers.create(training, rates, model.getNDManager()))
                    .optDevices(new Device[] {device});
            return model.newTrainer(config);
        }

        private EpochResult trainEpoch(Trainer trainer) {
            int batch = trainBatch();
            int[] order = permutation(train.size());
            int steps = stepsPerEpoch();
            double lossSum = 0;
            long t0 = System.nanoTime();
            NDManager root = model.getNDManager();
            for (int s = 0; s < steps; s++) {
                int[] idx = java.util.Arrays.copyOfRange(order, s * batch, (s + 1) * batch);
                try (NDManager step = root.newSubManager()) {
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
                        trainSeconds += seconds(System.nanoTime() - t0);
                        return new EpochResult(Double.NaN, 0, why);
                    }
                    if (training.gradClip() > 0) {
                        clipGradients(training.gradClip(), step);
                    }
                    trainer.step();
                    phaseStep++;
                    stepsDone++;
                    lossSum += value;
                }
            }
            trainSeconds += seconds(System.nanoTime() - t0);
            trainSamples += (long) steps * batch;
            return new EpochResult(lossSum / steps, rates.at(HEAD, phaseStep - 1), null);
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

        private int[] permutation(int n) {
            int[] order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            return order;
        }

        /** Scores a split; the metrics include the mean loss under {@link #LOSS}. */
        private Evaluation evaluate(ExampleSet set) {
            long t0 = System.nanoTime();
            Evaluator evaluator = task.newEvaluator(splits.targets());
            ParameterStore store = new ParameterStore(model.getNDManager(), false);
            int n = set.size();
            int batch = training.evalBatchSize();
            double lossSum = 0;
            for (int from = 0; from < n; from += batch) {
                int[] idx = new int[Math.min(batch, n - from)];
                for (int i = 0; i < idx.length; i++) {
                    idx[i] = from + i;
                }
                try (NDManager m = model.getNDManager().newSubManager()) {
                    Batch b = set.batch(m, idx);
                    NDList preds = net.forward(store, b.inputs(), false);
                    lossSum += loss.evaluate(b.labels(), preds).getFloat() * idx.length;
                    evaluator.add(preds, b.labels());
                }
            }
            evalSeconds += seconds(System.nanoTime() - t0);
            evalSamples += n;
            Evaluation scores = evaluator.result();
            Map<String, Double> metrics = new java.util.TreeMap<>(scores.metrics());
            metrics.put(LOSS, lossSum / Math.max(1, n));
            return new Evaluation(metrics, scores.perClass());
        }

        private TrainingOutcome outcome(String status, String reason, int bestEpoch, Evaluation val, Evaluation test,
                                        long trainable) {
            Long forward = backbone.flopsKnown() ? backbone.flopsFrom(0) + headFlops : null;
            // A training step runs the stages from the input depth forward and the unfrozen ones backward (2x).
            Long step = backbone.flopsKnown() ? backbone.flopsFrom(inputDepth) + headFlops
                    + 2 * (backbone.flopsFrom(net.frozenStages()) + headFlops) : null;
            return new TrainingOutcome(status, reason, bestEpoch, val, test, List.copyOf(curve), trainSeconds,
                    trainSamples, evalSeconds, evalSamples, timeToTarget, targetEpoch, net.parameterCount(), trainable,
                    forward, step, featureCache, featureSeconds);
        }
    }

    private record EpochResult(double meanLoss, double lastLr, String divergence) {}

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
