package io.transferbench.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.Trainer;
import io.transferbench.catalog.Catalog;
import io.transferbench.data.ExampleSet;
import io.transferbench.data.Targets;
import io.transferbench.models.Backbone;
import io.transferbench.perf.RandomExamples;
import io.transferbench.spec.CellSpec;
import io.transferbench.spec.FreezeDepth;
import io.transferbench.spec.Strategy;
import io.transferbench.suite.Cell;
import io.transferbench.suite.Grid;
import io.transferbench.suite.ResolvedSuite;
import io.transferbench.suite.SuiteLoader;
import io.transferbench.tasks.Task;
import io.transferbench.tasks.TaskHead;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Training steps of a suite's full fine-tuning cell, through the harness's own parts: the cell
 * spec from the suite's default profile, the model family and the task's head and loss, and
 * {@link TrainingSteps} (the optimizer with the cell's learning rates, batches, backward, step),
 * on random inputs at the suite's shapes: {@code nlp-bert} (MiniLM-L6, 64 tokens, batch 16),
 * {@code vision-mobilenet} (MobileNetV2, 96 px, batch 32). Random weights: speed does not depend
 * on their values. {@code scripts/peer/peer.py --workload minilm-train} (or
 * {@code mobilenet-train}) times the same in PyTorch eager; run the two back to back.
 *
 * <p>Run with {@code scripts/jmh TrainStep -jvmArgsAppend -Dai.djl.pytorch.num_threads=2}; the
 * score is epochs of {@link #STEPS} steps per second, so samples/s is the score times
 * {@code STEPS} times the batch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dai.djl.offline=true")
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class TrainStepBenchmark {

    static final int STEPS = 2;

    @Param({"nlp-bert", "vision-mobilenet"})
    String suite;

    private Model model;
    private TrainingSteps steps;
    private Trainer trainer;
    private ExampleSet train;

    @Setup(Level.Trial)
    public void build() {
        Catalog catalog = Catalog.discover();
        ResolvedSuite resolved = new SuiteLoader(catalog, Path.of("suites")).load(suite, "default", List.of());
        CellSpec spec = Grid.expand(resolved, m -> catalog.model(m.name()).stageCount(m), s -> "benchmark").cells()
                .stream().map(Cell::spec)
                .filter(s -> s.strategy() == Strategy.FINETUNE && s.freeze().equals(FreezeDepth.NONE)).findFirst()
                .orElseThrow();
        boolean text = suite.equals("nlp-bert");
        // RandomExamples draws token ids for a one-axis input, pixels otherwise
        long[] input = text ? new long[] {spec.model().options().path("max-length").asLong()} : new long[] {3, 96, 96};
        int batch = spec.training().batchSize();
        int classes = text ? 2 : 10;
        Targets targets = new Targets(java.util.stream.IntStream.range(0, classes).mapToObj(i -> "c" + i).toList(),
                new long[0], input);
        Task task = catalog.task(spec.task());
        model = Model.newInstance("train-step");
        Backbone backbone = catalog.model(spec.model().name()).build(spec.model(), input);
        TaskHead head = task.head(spec.head(), targets, backbone);
        TransferNetwork net = new TransferNetwork(backbone, head);
        model.setBlock(net);
        net.initialize(model.getNDManager(), DataType.FLOAT32, CellTrainer.batchShape(input));
        train = new RandomExamples(STEPS * batch, input, classes);
        steps = new TrainingSteps(spec, model, net, task.loss(spec.head()), Device.cpu(), train.size());
        trainer = steps.newTrainer(new Phase("train", 0, 1000, 1.0, null));
    }

    @TearDown(Level.Trial)
    public void close() {
        trainer.close();
        model.close();
    }

    @Benchmark
    public double epoch() {
        return steps.epoch(trainer, step -> train).meanLoss();
    }
}
