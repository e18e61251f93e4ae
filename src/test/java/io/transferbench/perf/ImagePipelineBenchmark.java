package io.transferbench.perf;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transferbench.catalog.Catalog;
import io.transferbench.LockedAssets;
import io.transferbench.assets.AssetService;
import io.transferbench.data.DatasetSource;
import io.transferbench.data.ExampleSet;
import io.transferbench.data.Splits;
import io.transferbench.spec.DatasetSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * The image input pipeline alone, without the model: how many training images per second the
 * datasets turn into a batch the trainer consumes (resampling to the model's size, random views
 * when augmenting, the copy into a native array). Compare the score with a cell record's
 * {@code train_samples_per_second}: while the pipeline is much faster, it never starves training.
 * Decoding happens once per run, when the dataset loads; {@link DatasetLoadBenchmark} times it.
 *
 * <p>Run with {@code scripts/jmh ImagePipeline}; the score is images/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dai.djl.offline=true")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ImagePipelineBenchmark {

    static final int BATCH = 32;

    @Param({"fashion-mnist", "tuxpaint-stamps"})
    String dataset;

    @Param({"none", "standard"})
    String augment;

    @Param({"96"})
    int imageSize;

    private ExampleSet train;
    private NDManager manager;
    private int next;

    @Setup(Level.Trial)
    public void load() {
        Splits splits = load(dataset, augment, imageSize);
        train = splits.train().forTraining(1);
        manager = NDManager.newBaseManager();
    }

    static Splits load(String dataset, String augment, int imageSize) {
        DatasetSource source = Catalog.discover().dataset(dataset);
        ObjectNode options = JsonNodeFactory.instance.objectNode().put("image-size", imageSize).put("augment", augment);
        DatasetSpec spec = new DatasetSpec(dataset, null, 0, 0, 0, options);
        AssetService assets = LockedAssets.service(source.assetIds(spec).toArray(String[]::new));
        return source.load(spec, assets);
    }

    @TearDown(Level.Trial)
    public void close() {
        manager.close();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void trainingBatch(Blackhole blackhole) {
        int[] indices = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            indices[i] = next;
            next = (next + 1) % train.size();
        }
        try (NDManager step = manager.newSubManager()) {
            blackhole.consume(train.batch(step, indices));
        }
    }
}
