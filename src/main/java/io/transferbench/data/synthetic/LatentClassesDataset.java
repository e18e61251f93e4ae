package io.transferbench.data.synthetic;

import io.transferbench.assets.AssetAccess;
import io.transferbench.data.DatasetSource;
import io.transferbench.data.DenseVectorSet;
import io.transferbench.data.SplitPlan;
import io.transferbench.data.Splits;
import io.transferbench.spec.DatasetSpec;
import io.transferbench.spec.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A generated family of related classification tasks, for testing the harness and for
 * Yosinski-style source-to-target transfer studies. A "world" (world-seed) fixes a nonlinear map
 * from a hidden latent vector z to observed features x = tanh(W2 tanh(W1 z)) + noise; a "task"
 * (task-seed) labels examples by the arg-max of a random linear function of z. Tasks of the same
 * world share the features worth learning, so pretraining on one helps the other; tasks of
 * different worlds share nothing. Generation is deterministic ({@link Random} is specified).
 */
public final class LatentClassesDataset implements DatasetSource {

    public static final String NAME = "latent-classes";
    private static final int DEFAULT_EXAMPLES = 2000;
    private static final int DEFAULT_FEATURES = 32;
    private static final int DEFAULT_LATENT = 8;
    private static final int DEFAULT_CLASSES = 4;
    private static final double DEFAULT_NOISE = 0.1;
    private static final int DEFAULT_SEED = 1;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "generated: classes of a hidden latent vector seen through a fixed nonlinear map";
    }

    @Override
    public String inputKind() {
        return "vector";
    }

    @Override
    public Set<String> tasks() {
        return Set.of("vector-classification");
    }

    @Override
    public Rule.ObjectRule optionsRule() {
        return Rule.object()
                .optional("examples", Rule.integer(10, 10_000_000), DEFAULT_EXAMPLES)
                .optional("features", Rule.integer(2, 100_000), DEFAULT_FEATURES)
                .optional("latent", Rule.integer(1, 10_000), DEFAULT_LATENT)
                .optional("classes", Rule.integer(2, 10_000), DEFAULT_CLASSES)
                .optional("noise", Rule.number(0, true, 100, true), DEFAULT_NOISE)
                .optional("world-seed", Rule.integer(1, Integer.MAX_VALUE), DEFAULT_SEED)
                .optional("task-seed", Rule.integer(1, Integer.MAX_VALUE), DEFAULT_SEED)
                .build();
    }

    @Override
    public List<String> assetIds(DatasetSpec spec) {
        return List.of();
    }

    @Override
    public String version() {
        return "latent-classes/1";
    }

    @Override
    public Splits load(DatasetSpec spec, AssetAccess assets) {
        int n = spec.intOption("examples", DEFAULT_EXAMPLES);
        int dim = spec.intOption("features", DEFAULT_FEATURES);
        int latent = spec.intOption("latent", DEFAULT_LATENT);
        int classes = spec.intOption("classes", DEFAULT_CLASSES);
        double noise = spec.doubleOption("noise", DEFAULT_NOISE);
        Random world = new Random(spec.intOption("world-seed", DEFAULT_SEED));
        double[][] w1 = gaussian(world, dim, latent, 1 / Math.sqrt(latent));
        double[][] w2 = gaussian(world, dim, dim, 1 / Math.sqrt(dim));
        Random task = new Random(1_000_003L * spec.intOption("task-seed", DEFAULT_SEED));
        double[][] labeller = gaussian(task, classes, latent, 1);
        Random sample = new Random(7_919L * spec.intOption("task-seed", DEFAULT_SEED) + spec.intOption("world-seed", DEFAULT_SEED));

        float[] x = new float[n * dim];
        int[] y = new int[n];
        List<String> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] z = new double[latent];
            for (int k = 0; k < latent; k++) {
                z[k] = sample.nextGaussian();
            }
            double[] h = tanh(multiply(w1, z));
            double[] obs = tanh(multiply(w2, h));
            for (int d = 0; d < dim; d++) {
                x[i * dim + d] = (float) (obs[d] + noise * sample.nextGaussian());
            }
            y[i] = argMax(multiply(labeller, z));
            keys.add(Integer.toString(i));
        }
        SplitPlan plan = SplitPlan.of(keys, spec.valFraction(), spec.testFraction(), spec.splitSeed(), spec.limit());
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("class" + c);
        }
        Map<String, Long> counts = plan.counts();
        return new Splits(
                new DenseVectorSet(x, y, dim, plan.train()),
                new DenseVectorSet(x, y, dim, plan.val()),
                new DenseVectorSet(x, y, dim, plan.test()),
                names, new long[] {dim}, counts);
    }

    private static double[][] gaussian(Random r, int rows, int cols, double scale) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextGaussian() * scale;
            }
        }
        return m;
    }

    private static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                s += m[i][j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    private static double[] tanh(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.tanh(2 * v[i]);
        }
        return out;
    }

    private static int argMax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
