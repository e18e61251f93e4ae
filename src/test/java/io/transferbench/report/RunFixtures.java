package io.transferbench.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transferbench.Mappers;
import io.transferbench.results.CellRecord;
import io.transferbench.results.EnvironmentInfo;
import io.transferbench.suite.ConfigSchema;
import io.transferbench.results.EpochPoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Run directories of generated records, written in the format real runs write, for report tests.
 * The machine is called "Fixture CPU (generated records)": these numbers were measured nowhere.
 * Quality follows the published ordering (full fine-tuning and LP-FT best, the linear probe
 * worst), with seeded noise so that intervals are not zero.
 */
final class RunFixtures {

    /** Strategy and freeze depth of each transfer variant, in grid order. */
    static final Map<String, String> DIRECTIONS = Map.of("accuracy", "higher", "loss", "lower");
    static final List<String[]> VARIANTS = List.of(new String[] {"finetune", "all"}, new String[] {"finetune", "2"},
            new String[] {"finetune", "0"}, new String[] {"lp-ft", "0"}, new String[] {"scratch", "0"});
    static final List<String> SCHEDULES = List.of("warmup-cosine", "constant", "step", "warmup-linear", "one-cycle");

    /**
     * @param suite suite name (also the directory under the root)
     * @param runId run directory name
     * @param schedules how many schedules the grid has (1 to 5)
     * @param lrs how many learning rates
     * @param seeds how many seeds
     * @param slowdown wall time multiplier, to make one run slower than another
     * @param harness harness version recorded in env.json
     * @param problems make one cell fail and one diverge
     * @param text put into the description, one label and the failure reason (escaping tests)
     */
    record Spec(String suite, String runId, int schedules, int lrs, int seeds, double slowdown, String harness,
                boolean problems, String text) {

        static Spec small(String runId) {
            return new Spec("fixture", runId, 1, 1, 3, 1.0, "fixture-1", true, "");
        }

        Spec slowedBy(double factor) {
            return new Spec(suite, runId, schedules, lrs, seeds, factor, harness, problems, text);
        }

        Spec withText(String hostile) {
            return new Spec(suite, runId, schedules, lrs, seeds, slowdown, harness, problems, hostile);
        }

        Spec withHarness(String version) {
            return new Spec(suite, runId, schedules, lrs, seeds, slowdown, version, problems, text);
        }

        int cells() {
            return VARIANTS.size() * schedules * lrs * seeds;
        }
    }

    private RunFixtures() {}

    /** Writes the run directory {@code root/<suite>/<runId>} and returns it. */
    static Path write(Path root, Spec spec) {
        Path dir = root.resolve(spec.suite()).resolve(spec.runId());
        try {
            Files.createDirectories(dir.resolve("cells"));
            Files.write(dir.resolve("suite.resolved.yaml"), Mappers.YAML.writeValueAsBytes(suite(spec)));
            Files.write(dir.resolve("env.json"), Mappers.RECORDS.writeValueAsBytes(env(spec)));
            int index = 0;
            for (String[] variant : VARIANTS) {
                for (String schedule : SCHEDULES.subList(0, spec.schedules())) {
                    for (int l = 0; l < spec.lrs(); l++) {
                        double lr = 1e-3 * (l + 1);
                        for (int seed = 1; seed <= spec.seeds(); seed++) {
                            CellRecord r = cell(spec, index++, variant, schedule, lr, seed);
                            Files.write(dir.resolve("cells").resolve(r.cellId() + ".json"),
                                    Mappers.RECORDS.writeValueAsBytes(r));
                        }
                    }
                }
            }
            Files.writeString(dir.resolve("results.csv"), "cell_id\n");
            Files.writeString(dir.resolve("curves.csv"), "cell_id\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /**
     * Rewrites every record of a run directory as another harness would have written it: its
     * config edited, and the config version it says (null: a record from before versions).
     */
    static void rewriteConfigs(Path dir, java.util.function.Consumer<ObjectNode> edit, Integer version) {
        try (var files = Files.list(dir.resolve("cells"))) {
            for (Path f : files.toList()) {
                CellRecord r = Mappers.RECORDS.readValue(f.toFile(), CellRecord.class);
                ObjectNode node = Mappers.RECORDS.valueToTree(r);
                edit.accept((ObjectNode) node.get("config"));
                if (version == null) {
                    node.remove("config_schema");
                } else {
                    node.put("config_schema", version);
                }
                Files.write(f, Mappers.RECORDS.writeValueAsBytes(node));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites every record of a run directory as if its cells had read other assets. */
    static void rewriteAssets(Path dir, Map<String, String> assets) {
        try (var files = Files.list(dir.resolve("cells"))) {
            for (Path f : files.toList()) {
                ObjectNode node = (ObjectNode) Mappers.RECORDS.readTree(f.toFile());
                node.set("assets", Mappers.RECORDS.valueToTree(assets));
                Files.write(f, Mappers.RECORDS.writeValueAsBytes(node));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode suite(Spec spec) {
        ObjectNode suite = Mappers.YAML.createObjectNode();
        suite.put("suite", spec.suite());
        suite.put("description", "Generated records for report tests" + spec.text());
        suite.put("task", "vector-classification");
        suite.putObject("model").put("name", "mlp");
        suite.putObject("dataset").put("name", "latent-classes").put("limit", 200);
        ObjectNode training = suite.putObject("training");
        training.put("epochs", 15);
        training.putObject("target").put("metric", "accuracy").put("value", 0.8);
        ObjectNode grid = suite.putObject("grid");
        ArrayNode strategies = grid.putArray("strategy");
        List.of("finetune", "lp-ft", "scratch").forEach(strategies::add);
        ArrayNode freeze = grid.putArray("freeze");
        List.of("all", "2", "0").forEach(freeze::add);
        ArrayNode schedules = grid.putArray("schedule");
        SCHEDULES.subList(0, spec.schedules()).forEach(schedules::add);
        ArrayNode lrs = grid.putArray("lr");
        for (int l = 0; l < spec.lrs(); l++) {
            lrs.add(1e-3 * (l + 1));
        }
        ArrayNode seeds = grid.putArray("seeds");
        for (int s = 1; s <= spec.seeds(); s++) {
            seeds.add(s);
        }
        return suite;
    }

    static EnvironmentInfo env(Spec spec) {
        return new EnvironmentInfo("2026-01-15T10:00:00Z", "fixture-host", null, "Fixture OS",
                "Fixture CPU (generated records)", "Fixture family 1 model 2 stepping 3", "0000", 2_000_000_000L, 2, 2,
                8L << 30, "Fixture JVM", "0.36.0", "PyTorch", "2.7.1", 2, 1, "cpu",
                List.of(), null, spec.harness(), "0000000");
    }

    private static CellRecord cell(Spec spec, int index, String[] variant, String schedule, double lr, int seed) {
        String strategy = variant[0];
        String freeze = variant[1];
        ObjectNode config = Mappers.SUITE.createObjectNode();
        config.put("suite", spec.suite());
        config.put("task", "vector-classification");
        config.putObject("model").put("name", "mlp");
        config.putObject("dataset").put("name", "latent-classes").put("limit", 200);
        config.putObject("training").put("epochs", 15).put("batch-size", 32);
        config.put("strategy", strategy);
        config.put("freeze", freeze);
        config.put("schedule", schedule);
        config.put("lr", lr);
        config.put("layer-decay", 1.0);
        config.put("seed", seed);
        Random noise = new Random(31L * index + seed);
        double quality = switch (strategy + freeze) {
            case "finetuneall" -> 0.46;
            case "finetune2" -> 0.70;
            case "lp-ft0" -> 0.78;
            case "scratch0" -> 0.73;
            default -> 0.76;
        } - 0.01 * SCHEDULES.indexOf(schedule) + 0.02 * noise.nextGaussian();
        double wall = spec.slowdown() * (0.2 + 0.05 * ("all".equals(freeze) ? 0 : 1) + 0.01 * noise.nextGaussian());
        boolean failed = spec.problems() && index == 1;
        boolean diverged = spec.problems() && index == 2;
        String label = strategy + " freeze=" + freeze + " " + schedule + " lr=" + lr + " seed=" + seed
                + (index == 0 ? spec.text() : "");
        String id = String.format("%016x", (long) spec.suite().hashCode() * 1_000_003L + index);
        if (failed) {
            return new CellRecord(id, index, label, CellRecord.FAILED, "EngineException: out of memory" + spec.text(),
                    config, ConfigSchema.CURRENT, seed, Map.of("dataset:latent-classes", "latent-classes/1"), null, null, null, null, null, 0,
                    List.of(), 0, 0, 0, null, null, 0, 0, null, 0, 0, null, null, null, null, 0, "cpu", null, null, null, null);
        }
        List<EpochPoint> curve = new ArrayList<>();
        Double timeToTarget = null;
        Integer targetEpoch = null;
        int epochs = diverged ? 3 : 15;
        for (int e = 1; e <= epochs; e++) {
            double acc = quality * (1 - Math.exp(-e / 3.0)) + 0.005 * noise.nextGaussian();
            double loss = diverged && e == epochs ? 250.0 : 1.4 * Math.exp(-e / 4.0) + 0.4;
            double elapsed = wall * e / epochs;
            curve.add(new EpochPoint(e == 1 && strategy.equals("lp-ft") ? "probe" : "train", e, loss * 1.05, loss,
                    new TreeMap<>(Map.of("accuracy", acc, "loss", loss, "macro_f1", acc - 0.05)), lr, elapsed, null,
                    null));
            if (timeToTarget == null && acc >= 0.8) {
                timeToTarget = elapsed;
                targetEpoch = e;
            }
        }
        Map<String, Double> val = new TreeMap<>(Map.of("accuracy", quality - 0.01, "loss", 0.6, "macro_f1", quality - 0.06));
        Map<String, Double> test = new TreeMap<>(Map.of("accuracy", quality, "loss", 0.58, "macro_f1", quality - 0.05));
        double samplesPerSecond = 3000 / wall;
        long trainFlops = "all".equals(freeze) ? 22_040 : 63_000;
        return new CellRecord(id, index, label, diverged ? CellRecord.DIVERGED : CellRecord.OK,
                diverged ? "loss 250 exceeded 100x the first step's" : null, config, ConfigSchema.CURRENT, seed,
                Map.of("dataset:latent-classes", "latent-classes/1"), Map.of("train", 200L, "val", 459L, "test", 416L),
                val, test, Map.of("class0", quality), DIRECTIONS, 10, curve, wall, wall * 0.9, wall * 0.1, timeToTarget, targetEpoch,
                samplesPerSecond, samplesPerSecond * 10, (long) ((300 + 20 * VARIANTS.indexOf(variant)) * 1048576L
                + noise.nextInt(1 << 20)), 11076, "all".equals(freeze) ? 260 : 11076, 21_000L, trainFlops,
                trainFlops * samplesPerSecond, null, 0, "cpu", "2026-01-15T10:00:" + String.format("%02d", index % 60) + "Z",
                "2026-01-15T10:01:00Z", null, null);
    }
}
