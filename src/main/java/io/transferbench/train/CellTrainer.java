package io.transferbench.train;

import io.transferbench.results.EpochPoint;
import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtEngine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import io.transferbench.data.BatchPlan;
import io.transferbench.data.Splits;
import io.transferbench.models.Backbone;
import io.transferbench.models.ModelFamily;
import io.transferbench.results.MemoryProbe;
import io.transferbench.spec.CellSpec;
import io.transferbench.spec.TrainingSpec;
import io.transferbench.tasks.Drawing;
import io.transferbench.tasks.Evaluation;
import io.transferbench.tasks.MetricSpec;
import io.transferbench.tasks.Task;
import io.transferbench.tasks.PretrainedHeadParts;
import io.transferbench.tasks.TaskHead;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Trains and evaluates one cell: builds the network, puts the pretrained weights in, runs the
 * strategy's phases epoch by epoch with validation after each, keeps the best-on-validation
 * weights, and scores them on test.
 */
public final class CellTrainer {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CellTrainer.class);

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

        /** The same, for a listener that also looks at the network as the epoch left it. */
        default void epochDone(String phase, int epoch, int epochs, TransferNetwork net) {
            epochDone(phase, epoch, epochs);
        }
    }

    /**
     * @param pretrained the backbone weights to start from, or null for a from-scratch cell
     * @param trained sees the network with its best weights after the test evaluation (to keep
     *     them, as source pretraining does); may be null
     */
    public TrainingOutcome train(CellSpec spec, Splits splits, Task task, ModelFamily family,
                                 WeightSnapshot pretrained, Listener listener, Consumer<TransferNetwork> trained) {
        Engine engine = Engine.getInstance();
        engine.setRandomSeed((int) spec.seed());
        recordNoGraphOutsideCollectors(engine);
        try (Model model = Model.newInstance("cell", device)) {
            Backbone backbone = family.build(spec.model(), splits.inputShape());
            TaskHead head = task.head(spec.head(), splits.targets(), backbone);
            TransferNetwork net = new TransferNetwork(backbone, head);
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, batchShape(splits.inputShape()));
            if (pretrained != null) {
                pretrained.restore(net.stages());
                if (!pretrained.head().isEmpty() && head.layers() instanceof PretrainedHeadParts parts) {
                    LOG.info("head starts from the source network's {}", parts.adopt(pretrained.head()));
                }
            }
            TrainingOutcome outcome = new Run(spec, splits, task, model, net, backbone, head.flopsPerExample(), pretrained,
                    listener).execute();
            if (trained != null && TrainingOutcome.OK.equals(outcome.status())) {
                trained.accept(net);
            }
            return outcome;
        }
    }

    /**
     * libtorch's grad mode belongs to a thread and is on by default. DJL switches it off once, on
     * the thread that loads the engine, and its gradient collector restores what it found. On any
     * other thread (an executor's, a test's) a cell would record autograd graphs while it evaluates,
     * and the optimizer's in-place update of a weight would fail as an in-place change of a leaf
     * that requires grad.
     */
    private static void recordNoGraphOutsideCollectors(Engine engine) {
        if (PtEngine.ENGINE_NAME.equals(engine.getEngineName())) {
            JniUtils.setGradMode(false);
        }
    }

    /** A two-example batch of this input shape, for initialising parameters (BatchNorm needs two). */
    public static Shape batchShape(long[] inputShape) {
        long[] dims = new long[inputShape.length + 1];
        dims[0] = 2;
        System.arraycopy(inputShape, 0, dims, 1, inputShape.length);
        return new Shape(dims);
    }

    /** One cell's epoch loop over its phases, from the parts that prepare, step, score and keep. */
    private final class Run {
        private final CellSpec spec;
        private final Splits splits;
        private final Task task;
        private final Model model;
        private final TransferNetwork net;
        private final Backbone backbone;
        private final long headFlops;
        private final Listener listener;
        private final PhaseInputs inputs;
        private final TrainingSteps steps;
        private final Scorer scorer;
        private final TargetWatch target;
        private final String selectMetric;
        private final long started = System.nanoTime();
        private final List<EpochPoint> curve = new ArrayList<>();
        private int epochCounter;
        private long trainable;

        Run(CellSpec spec, Splits splits, Task task, Model model, TransferNetwork net, Backbone backbone,
            long headFlops, WeightSnapshot pretrained, Listener listener) {
            this.spec = spec;
            this.splits = splits;
            this.task = task;
            this.model = model;
            this.net = net;
            this.backbone = backbone;
            this.headFlops = headFlops;
            this.listener = listener;
            TrainingSpec training = spec.training();
            Loss loss = task.loss(spec.head());
            this.inputs = new PhaseInputs(cache, pretrained, splits, splits.train().forTraining(spec.seed()),
                    training.cachesFeatures(), training.evalBatchSize());
            this.steps = new TrainingSteps(spec, model, net, loss, device, splits.train().size());
            this.scorer = new Scorer(task, splits.targets(), loss, model.getNDManager(), training.evalBatchSize());
            this.target = new TargetWatch(training.target(), task);
            this.selectMetric = training.earlyStopping() != null
                    ? training.earlyStopping().metric() : task.metrics().get(0).name();
        }

        TrainingOutcome execute() {
            TrainingSpec training = spec.training();
            try (BestCheckpoint best = new BestCheckpoint(selectMetric, task.metric(selectMetric).higherIsBetter())) {
                for (Phase phase : Phase.plan(spec, net.stages().size(), steps.stepsPerEpoch())) {
                    freeze(phase.frozenAt(0), best);
                    try (Trainer trainer = steps.newTrainer(phase)) {
                        for (int epoch = 1; epoch <= phase.epochs(); epoch++) {
                            TrainingSteps.EpochResult er = steps.epoch(trainer, step -> {
                                int frozen = phase.frozenAt(step);
                                if (frozen != net.frozenStages()) {
                                    freeze(frozen, best);
                                }
                                return inputs.train();
                            });
                            if (er.divergence() != null) {
                                return outcome(TrainingOutcome.DIVERGED, er.divergence(), best, Map.of(), List.of());
                            }
                            Evaluation val = scorer.score(net, inputs.val());
                            epochCounter++;
                            double elapsed = (System.nanoTime() - started) / 1e9;
                            curve.add(new EpochPoint(phase.label(net.frozenStages()), epochCounter, er.meanLoss(),
                                    val.metrics().get(MetricSpec.LOSS.name()), val.metrics(), er.lastLr(), elapsed,
                                    MemoryProbe.residentBytes(), er.samplesPerSecond()));
                            target.note(val, elapsed, epochCounter);
                            best.offer(net, model.getNDManager(), epochCounter, val);
                            listener.epochDone(phase.name(), epoch, phase.epochs(), net);
                            if (training.earlyStopping() != null
                                    && best.epochsSinceBest() >= training.earlyStopping().patience()) {
                                break;
                            }
                        }
                    }
                }
                best.restoreInto(net);
                // Stages only ever unfreeze, so the stages cached for the last depth still hold the pretrained weights.
                Map<String, Evaluation> tests = new LinkedHashMap<>();
                inputs.tests().forEach((name, set) -> tests.put(name, scorer.score(net, set)));
                List<Drawing> drawings = PredictionPictures.of(task, splits.targets(), net, model.getNDManager(),
                        inputs.tests().get(Splits.TEST), splits.test());
                return outcome(TrainingOutcome.OK, null, best, tests, drawings);
            }
        }

        /**
         * Freezes the first {@code frozen} stages and points the inputs at them; the parameters
         * trainable from now on get the full patience of early stopping.
         */
        private void freeze(int frozen, BestCheckpoint best) {
            net.freezeStages(frozen);
            inputs.enter(frozen, net);
            trainable = net.trainableParameterCount();
            best.newPhase();
        }

        private TrainingOutcome outcome(String status, String reason, BestCheckpoint best,
                                        Map<String, Evaluation> tests, List<Drawing> drawings) {
            Long forward = null;
            Long step = null;
            if (backbone.flopsKnown()) {
                // Averaged over the padded lengths of the batches that ran (one length for fixed-shape inputs).
                forward = scorer.lengths().mean(length -> backbone.flopsFrom(0, length) + headFlops,
                        backbone.flopsFrom(0) + headFlops);
                // A training step runs the stages from its input depth forward and the unfrozen ones backward (2x).
                ToLongFunction<TrainingSteps.StepShape> stepFlops = s -> backbone.flopsFrom(s.inputDepth(), s.paddedLength())
                        + headFlops + 2 * (backbone.flopsFrom(s.frozenStages(), s.paddedLength()) + headFlops);
                step = steps.shapes().mean(stepFlops, stepFlops.applyAsLong(
                        new TrainingSteps.StepShape(BatchPlan.FIXED_SHAPE, inputs.depth(), net.frozenStages())));
            }
            Map<String, Evaluation> others = new LinkedHashMap<>(tests);
            Evaluation test = others.remove(Splits.TEST);
            return new TrainingOutcome(status, reason, best.epoch(), best.val(), test, List.copyOf(curve),
                    steps.seconds(), steps.samples(), scorer.seconds(), scorer.samples(), target.seconds(),
                    target.epoch(), net.parameterCount(), trainable, forward, step, inputs.featureCache(),
                    inputs.featureSeconds(), others, drawings);
        }
    }
}
