package io.transferbench.suite;

import io.transferbench.Mappers;
import io.transferbench.spec.DatasetSpec;
import io.transferbench.spec.LocatedTree;
import io.transferbench.spec.ModelSpec;
import io.transferbench.spec.Problems;
import io.transferbench.spec.Rule;
import io.transferbench.spec.ScheduleKind;
import io.transferbench.spec.Strategy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transferbench.catalog.Catalog;
import io.transferbench.data.DatasetSource;
import io.transferbench.models.ModelFamily;
import io.transferbench.tasks.Task;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The rules a suite must follow. Parts of the schema depend on what the suite names (the model's
 * stage count bounds the freeze axis, the task's metrics bound early stopping), so the schema is
 * built per tree from the {@link Catalog}.
 */
public final class SuiteSchema {

    /** Top-level fields a profile may override. */
    static final Set<String> PROFILE_FIELDS =
            Set.of("task", "model", "dataset", "head", "training", "grid", "metrics");

    private static final Rule.ObjectRule NO_OPTIONS = Rule.object().build();

    private final Catalog catalog;

    public SuiteSchema(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Checks a whole suite tree (profiles already merged) and records every problem. */
    public void check(ObjectNode tree, Problems problems) {
        Rule.ObjectRule root = rootRule(tree);
        root.check(tree, "", problems);
        if (problems.isEmpty()) {
            checkAcrossFields(tree, problems);
        }
    }

    Rule.ObjectRule rootRule(ObjectNode tree) {
        Task task = find(catalog.tasks(), text(tree, "task"));
        ModelFamily model = find(catalog.models(), text(tree, "model.name"));
        List<String> metrics = task == null ? List.of("loss") : withLoss(task.metricNames());
        Rule metric = Rule.choice("metric", metrics);

        Rule.ObjectRule dataset = datasetRule(tree, "dataset");
        Rule.ObjectRule training = Rule.object()
                .optional("optimizer", Rule.choice("optimizer", List.of("adamw", "sgd")))
                .optional("momentum", Rule.number(0, true, 1, false))
                .optional("nesterov", Rule.bool())
                .optional("weight-decay", Rule.number(0, true, 10, true))
                .optional("batch-size", Rule.integer(1, 65_536))
                .optional("eval-batch-size", Rule.integer(1, 65_536))
                .required("epochs", Rule.integer(1, 10_000))
                .optional("probe-epochs", Rule.integer(1, 10_000))
                .optional("grad-clip", Rule.number(0, false, 1e6, true))
                .optional("feature-cache", Rule.bool())
                .optional("decay-biases-and-norms", Rule.bool())
                .optional("head-lr-scale", Rule.number(0, false, 1e4, true))
                .optional("warmup-ratio", Rule.number(0, true, 1, false))
                .optional("warmup-steps", Rule.integer(0, 100_000_000))
                .optional("step", Rule.object()
                        .optional("every-epochs", Rule.integer(1, 10_000))
                        .optional("gamma", Rule.number(0, false, 1, true)).build())
                .optional("one-cycle", Rule.object()
                        .optional("pct-start", Rule.number(0, false, 1, false))
                        .optional("div-factor", Rule.number(1, true, 1e6, true))
                        .optional("final-div-factor", Rule.number(1, true, 1e9, true)).build())
                .optional("early-stopping", Rule.object()
                        .required("metric", metric)
                        .required("patience", Rule.integer(1, 10_000)).build())
                .optional("target", Rule.object()
                        .required("metric", metric)
                        .required("value", Rule.number(-Double.MAX_VALUE, true, Double.MAX_VALUE, true)).build())
                .optional("lp-ft", Rule.object()
                        .optional("probe-epochs", Rule.integer(1, 10_000))
                        .optional("probe-lr-scale", Rule.number(0, false, 1e4, true))
                        .optional("finetune-lr-scale", Rule.number(0, false, 1e4, true)).build())
                .optional("gradual", Rule.object()
                        .optional("unfreeze-every-epochs", Rule.number(0, false, 10_000, true))
                        .optional("unfreeze-every-steps", Rule.integer(1, 100_000_000))
                        .optional("unfreeze-lr-scale", Rule.number(0, false, 1e4, true)).build())
                .optional("divergence-factor", Rule.number(1, false, 1e12, true))
                .build();

        Rule.ObjectRule.Builder rootBuilder = Rule.object()
                .required("suite", Rule.text("[a-z0-9][a-z0-9._-]*", "a name of lower-case letters, digits, '.', '_' and '-'"))
                .optional("description", Rule.text("(?s).*", "a string"))
                .required("task", Rule.choice("task", catalog.tasks().keySet()))
                .required("model", Rule.object()
                        .required("name", Rule.choice("model", catalog.models().keySet()))
                        .optional("options", model == null ? Rule.any() : model.optionsRule())
                        .optional("pretrain", Rule.object()
                                .required("dataset", datasetRule(tree, "model.pretrain.dataset"))
                                .optional("task", Rule.choice("task", catalog.tasks().keySet()))
                                .optional("epochs", Rule.integer(1, 10_000))
                                .optional("lr", Rule.number(0, false, 10, true))
                                .optional("batch-size", Rule.integer(1, 65_536))
                                .optional("seed", Rule.integer(1, Integer.MAX_VALUE)).build())
                        .build())
                .required("dataset", dataset)
                .optional("head", task == null ? Rule.any() : task.headRule())
                .optional("training", training)
                .optional("metrics", Rule.list(Rule.choice("metric", metrics)))
                .optional("profiles", Rule.mapOf("[a-z0-9][a-z0-9_-]*", "lower-case names",
                        profileRule()));
        Rule.ObjectRule withoutGrid = rootBuilder.build();
        return rootBuilder.required("grid", gridRule(tree, model, withoutGrid)).build();
    }

    /** A profile names the fields it overrides; their values are checked after merging. */
    private static Rule profileRule() {
        Rule.ObjectRule.Builder profile = Rule.object();
        PROFILE_FIELDS.stream().sorted().forEach(f -> profile.optional(f, Rule.any()));
        return profile.build();
    }

    private Rule.ObjectRule gridRule(ObjectNode tree, ModelFamily model, Rule.ObjectRule root) {
        int stages = model == null ? Integer.MAX_VALUE : model.stageCount(modelSpecOf(tree));
        Rule.ObjectRule.Builder grid = Rule.object()
                .optional("strategy", Rule.list(Rule.choice("strategy", Strategy.labels())))
                .optional("freeze", Rule.list(Rule.anyOf(
                        Rule.choice("freeze depth", List.of("all")), Rule.integer(0, stages))))
                .optional("schedule", Rule.list(Rule.choice("schedule", ScheduleKind.ALL)))
                .required("lr", Rule.list(Rule.number(0, false, 10, true)))
                .optional("layer-decay", Rule.list(Rule.number(0, false, 1, true)))
                .optional("seeds", Rule.list(Rule.integer(1, Integer.MAX_VALUE)));
        JsonNode gridNode = tree.get("grid");
        if (gridNode != null && gridNode.isObject()) {
            for (Iterator<String> it = gridNode.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (key.contains(".") && !key.startsWith("grid.") && !key.startsWith("profiles.")) {
                    root.lookup(key).ifPresent(r -> grid.optional(key, Rule.list(r)));
                }
            }
        }
        return grid.build();
    }

    private Rule.ObjectRule datasetRule(ObjectNode tree, String path) {
        DatasetSource source = find(catalog.datasets(), text(tree, path + ".name"));
        return Rule.object()
                .required("name", Rule.choice("dataset", catalog.datasets().keySet()))
                .optional("limit", Rule.integer(2, Integer.MAX_VALUE))
                .optional("val-fraction", Rule.number(0, false, 0.5, true))
                .optional("test-fraction", Rule.number(0, false, 0.5, true))
                .optional("split-seed", Rule.integer(1, Long.MAX_VALUE))
                .optional("path", Rule.text(".+", "a path to your files"))
                .optional("options", source == null ? NO_OPTIONS : source.optionsRule())
                .build();
    }

    private void checkAcrossFields(ObjectNode tree, Problems problems) {
        Task suiteTask = catalog.task(text(tree, "task"));
        ModelFamily model = catalog.model(text(tree, "model.name"));
        for (String path : datasetPaths(tree)) {
            DatasetSource ds = catalog.dataset(text(tree, path + ".name"));
            // The source task defaults to the suite's: a segmenter may pretrain its encoder as a classifier.
            Task task = path.equals("dataset") || !tree.at("/model/pretrain/task").isTextual() ? suiteTask
                    : catalog.task(text(tree, "model.pretrain.task"));
            if (!ds.inputKind().equals(model.inputKind())) {
                problems.add(path + ".name", "dataset '" + ds.name() + "' has " + ds.inputKind()
                        + " inputs but model '" + model.name() + "' takes " + model.inputKind() + " inputs");
            }
            if (!ds.tasks().contains(task.name())) {
                problems.add(path + ".name", "dataset '" + ds.name() + "' has no labels for task '"
                        + task.name() + "'; it supports: " + String.join(", ", ds.tasks()));
            }
            checkLocalFiles(ds, (ObjectNode) tree.at("/" + path.replace('.', '/')), path, problems);
        }
        if (tree.at("/training/warmup-ratio").isNumber() && tree.at("/training/warmup-steps").isNumber()) {
            problems.add("training.warmup-steps", "give warmup-ratio or warmup-steps, not both");
        }
        checkGradualBudget(tree, model, problems);
        boolean ownWeights = !model.weightAssetIds(modelSpecOf(tree)).isEmpty();
        boolean pretrain = tree.at("/model/pretrain").isObject();
        JsonNode strategies = tree.at("/grid/strategy");
        List<String> used = new ArrayList<>();
        if (strategies.isMissingNode()) {
            used.add(Strategy.FINETUNE.label());
        } else {
            strategies.forEach(s -> used.add(s.asText()));
        }
        if (!ownWeights && !pretrain && used.stream().anyMatch(s -> !s.equals(Strategy.SCRATCH.label()))) {
            problems.add(strategies.isMissingNode() ? "grid" : "grid.strategy", "model '" + model.name()
                    + "' ships no pretrained weights: add model.pretrain (a source dataset to pretrain on) or"
                    + " use only strategy scratch");
        }
    }

    /**
     * Gradual unfreezing counted in epochs must reach each cell's freeze depth with at least one
     * epoch to spare; counted in steps it is checked when the cell knows its steps per epoch.
     */
    private void checkGradualBudget(ObjectNode tree, ModelFamily model, Problems problems) {
        JsonNode gradual = tree.at("/training/gradual");
        if (gradual.path("unfreeze-every-epochs").isNumber() && gradual.path("unfreeze-every-steps").isNumber()) {
            problems.add("training.gradual.unfreeze-every-steps", "give unfreeze-every-epochs or unfreeze-every-steps, not both");
            return;
        }
        boolean used = false;
        for (JsonNode s : tree.at("/grid/strategy")) {
            used |= s.asText().equals(Strategy.GRADUAL.label());
        }
        if (!used || gradual.path("unfreeze-every-steps").isNumber() || !tree.at("/training/epochs").isIntegralNumber()) {
            return;
        }
        double every = gradual.path("unfreeze-every-epochs").asDouble(1);
        int epochs = tree.at("/training/epochs").asInt();
        int stages = model.stageCount(modelSpecOf(tree));
        List<Integer> depths = new ArrayList<>();
        if (tree.at("/grid/freeze").isMissingNode()) {
            depths.add(0);
        }
        tree.at("/grid/freeze").forEach(f -> {
            if (f.isIntegralNumber() && f.asInt() < stages) {
                depths.add(f.asInt());
            }
        });
        for (int depth : depths) {
            double needed = (stages - depth) * every;
            if (needed >= epochs) {
                problems.add("training.gradual.unfreeze-every-epochs", "gradual cells with freeze " + depth + " unfreeze "
                        + (stages - depth) + " of the model's " + stages + " stages, one every " + plain(every)
                        + " epoch(s), which needs more than " + plain(needed) + " epochs; training.epochs is " + epochs
                        + ": raise epochs, or unfreeze by steps (unfreeze-every-steps)");
            }
        }
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A dataset that reads the user's files needs a path to readable ones; the locked datasets take none. */
    private void checkLocalFiles(DatasetSource ds, ObjectNode node, String path, Problems problems) {
        boolean hasPath = node.path("path").isTextual();
        if (!ds.readsLocalFiles()) {
            if (hasPath) {
                problems.add(path + ".path", "dataset '" + ds.name() + "' is read from locked assets and takes no"
                        + " path; datasets of your own files: " + String.join(", ", localDatasets()));
            }
            return;
        }
        if (!hasPath) {
            problems.add(path, "dataset '" + ds.name() + "' reads your own files: give " + path + ".path");
        }
    }

    /**
     * Checks the user's files that the model and datasets of a valid, final suite tree read (the chosen
     * profile with the command line's overrides: other profiles may name files that are not there).
     */
    public void checkFiles(ObjectNode tree, Problems problems) {
        ModelFamily model = catalog.model(text(tree, "model.name"));
        if (model.readsLocalFiles()) {
            model.checkFiles(modelSpecOf(tree)).forEach(problem -> problems.add("model.options.path", problem));
        }
        for (String path : datasetPaths(tree)) {
            DatasetSource ds = catalog.dataset(text(tree, path + ".name"));
            if (!ds.readsLocalFiles()) {
                continue;
            }
            DatasetSpec spec;
            try {
                spec = Mappers.SUITE.treeToValue(tree.at("/" + path.replace('.', '/')), DatasetSpec.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("a checked dataset failed to bind: " + e.getOriginalMessage(), e);
            }
            ds.checkFiles(spec).forEach(problem -> problems.add(path + ".path", problem));
        }
    }

    private static List<String> datasetPaths(ObjectNode tree) {
        List<String> paths = new ArrayList<>(List.of("dataset"));
        if (tree.at("/model/pretrain").isObject()) {
            paths.add("model.pretrain.dataset");
        }
        return paths;
    }

    private List<String> localDatasets() {
        return catalog.datasets().values().stream().filter(DatasetSource::readsLocalFiles).map(DatasetSource::name)
                .sorted().toList();
    }

    private static ModelSpec modelSpecOf(ObjectNode tree) {
        JsonNode options = tree.at("/model/options");
        return new ModelSpec(text(tree, "model.name"), options.isObject() ? (ObjectNode) options : null, null);
    }

    /** The plug-in a field names, or null while the name is missing or unknown (reported elsewhere). */
    private static <T> T find(java.util.Map<String, T> plugins, String name) {
        return name == null ? null : plugins.get(name);
    }

    private static String text(ObjectNode tree, String dottedPath) {
        JsonNode n = LocatedTree.at(tree, dottedPath);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    private static List<String> withLoss(List<String> metrics) {
        List<String> all = new ArrayList<>(metrics);
        if (!all.contains("loss")) {
            all.add("loss");
        }
        return all;
    }
}
