package io.transferbench.perf;

import io.transferbench.data.Splits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Decoding: reading a whole image dataset from its locked files (gunzip and IDX parsing for
 * Fashion-MNIST's 70,000 images; PNG decoding, compositing and fitting for the 796 stamps), once
 * per run before any cell. Divide the dataset's image count by the time for images/s.
 *
 * <p>Run with {@code scripts/jmh DatasetLoad}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dai.djl.offline=true")
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class DatasetLoadBenchmark {

    @Param({"fashion-mnist", "tuxpaint-stamps"})
    String dataset;

    @Benchmark
    public Splits load() {
        return ImagePipelineBenchmark.load(dataset, "none", 96);
    }
}
