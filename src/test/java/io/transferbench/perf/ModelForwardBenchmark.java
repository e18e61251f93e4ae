package io.transferbench.perf;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Blocks;
import ai.djl.training.ParameterStore;
import io.transferbench.catalog.Catalog;
import io.transferbench.spec.ModelSpec;
import io.transferbench.train.CellTrainer;
import io.transferbench.train.TransferNetwork;
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

import java.util.concurrent.TimeUnit;

/**
 * A model's evaluation forward pass alone, as the harness builds it, at the default profiles'
 * evaluation shapes: MobileNetV2 (TF-style uneven padding, BatchNorm, ReLU6, global pooling) on 32
 * images of 96 px, MiniLM-L6 (composed attention, masked mean pooling) on 64 texts of 64 tokens.
 * It is the model side of a cell's evaluation without data, metrics or loss; random weights, as
 * speed does not depend on their values. {@code scripts/peer/peer.py --workload mobilenet-eval}
 * (or {@code minilm-eval}) times the same in PyTorch eager: run the two back to back, as a shared
 * machine's speed drifts.
 *
 * <p>Run with {@code scripts/jmh ModelForward -jvmArgsAppend -Dai.djl.pytorch.num_threads=2}; the
 * score is batches/s (32 images or 64 texts each).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dai.djl.offline=true")
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 4, time = 3)
public class ModelForwardBenchmark {

    @Param({"mobilenet-v2", "minilm-l6"})
    String model;

    private Model djlModel;
    private TransferNetwork net;
    private ParameterStore store;
    private RandomExamples examples;
    private int[] batch;

    @Setup(Level.Trial)
    public void build() {
        boolean text = model.equals("minilm-l6");
        long[] input = text ? new long[] {64} : new long[] {3, 96, 96};
        batch = java.util.stream.IntStream.range(0, text ? 64 : 32).toArray();
        djlModel = Model.newInstance("forward");
        net = new TransferNetwork(Catalog.discover().model(model).build(new ModelSpec(model, null, null), input),
                Blocks.identityBlock());
        djlModel.setBlock(net);
        net.initialize(djlModel.getNDManager(), DataType.FLOAT32, CellTrainer.batchShape(input));
        store = new ParameterStore(djlModel.getNDManager(), false);
        examples = new RandomExamples(batch.length, input, 2);
    }

    @TearDown(Level.Trial)
    public void close() {
        djlModel.close();
    }

    @Benchmark
    public float evaluate() {
        // as the harness's evaluation: each batch's arrays live in a sub-manager closed after it
        try (NDManager step = djlModel.getNDManager().newSubManager()) {
            NDList out = net.forward(store, examples.inputs(step, batch), false);
            return out.head().getFloat(0, 0);
        }
    }
}
