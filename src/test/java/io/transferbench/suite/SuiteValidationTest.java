package io.transferbench.suite;

import io.transferbench.BenchException;
import io.transferbench.TestSuites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad suites are rejected before anything runs, with location, field path and what is allowed. */
class SuiteValidationTest {

    @TempDir
    Path dir;

    static Stream<Arguments> badSuites() {
        String b = TestSuites.BASE;
        return Stream.of(
                Arguments.of("unknown top-level field", b + "trainng: {epochs: 1}\n",
                        "trainng: unknown field; allowed here: suite, description, task, model"),
                Arguments.of("wrong type", b.replace("epochs: 2\n  batch", "epochs: three\n  batch"),
                        "training.epochs: must be an integer >= 1 and <= 10000, got 'three'"),
                Arguments.of("out of range", b.replace("batch-size: 16", "batch-size: 0"),
                        "training.batch-size: must be an integer >= 1 and <= 65536, got 0"),
                Arguments.of("empty grid axis", b.replace("lr: [0.003]", "lr: []"),
                        "grid.lr: must not be empty"),
                Arguments.of("unknown model", b.replace("name: mlp", "name: bert"),
                        "model.name: unknown model 'bert'; allowed: bert-onnx, bge-small, minilm-l6, mlp"),
                Arguments.of("unknown dataset", b.replace("  name: latent-classes\n  limit", "  name: imagenet\n  limit"),
                        "dataset.name: unknown dataset 'imagenet'; allowed: audio-folder, brown-genres, coco-detection, drum-kits, fashion-mnist, image-folder, latent-classes, mask-folder, spamassassin, stamp-scenes, text-table, tuxpaint-stamps"),
                Arguments.of("a path for a locked dataset", b.replace("  limit: 80\n", "  limit: 80\n  path: my-data\n"),
                        "dataset.path: dataset 'latent-classes' is read from locked assets and takes no path; datasets of"
                                + " your own files: audio-folder, coco-detection, image-folder, mask-folder, text-table"),
                Arguments.of("your own files without a path", b.replace("  name: latent-classes\n  limit: 80\n  options: {examples: 300, task-seed: 2}\n",
                                "  name: image-folder\n  limit: 80\n"),
                        "dataset: dataset 'image-folder' reads your own files: give dataset.path"),
                Arguments.of("unknown task", b.replace("task: vector-classification", "task: translation"),
                        "task: unknown task 'translation'; allowed: audio-classification, image-classification"),
                Arguments.of("unknown strategy", b.replace("grid:\n", "grid:\n  strategy: [distill]\n"),
                        "grid.strategy[0]: unknown strategy 'distill'; allowed: finetune, lp-ft, gradual, scratch"),
                Arguments.of("unknown schedule", b.replace("grid:\n", "grid:\n  schedule: [cosine]\n"),
                        "grid.schedule[0]: unknown schedule 'cosine'; allowed: constant, step, warmup-cosine, warmup-linear, one-cycle"),
                Arguments.of("freeze deeper than the model", b.replace("freeze: [all, 1, 0]", "freeze: [all, 5]"),
                        "grid.freeze[1]: must be one of all or an integer >= 0 and <= 3, got 5"),
                Arguments.of("missing required field", b.replace("task: vector-classification\n", ""),
                        "missing required field 'task'"),
                Arguments.of("negative learning rate", b.replace("lr: [0.003]", "lr: [0.003, -0.1]"),
                        "grid.lr[1]: must be a number > 0 and <= 10, got -0.1"),
                Arguments.of("layer decay above 1", b.replace("grid:\n", "grid:\n  layer-decay: [1.5]\n"),
                        "grid.layer-decay[0]: must be a number > 0 and <= 1, got 1.5"),
                Arguments.of("unknown early-stopping metric",
                        b.replace("  batch-size: 16\n", "  batch-size: 16\n  early-stopping: {metric: bleu, patience: 2}\n"),
                        "training.early-stopping.metric: unknown metric 'bleu'; allowed: accuracy, macro_f1, loss"),
                Arguments.of("both warmup forms",
                        b.replace("  batch-size: 16\n", "  batch-size: 16\n  warmup-ratio: 0.1\n  warmup-steps: 10\n"),
                        "training.warmup-steps: give warmup-ratio or warmup-steps, not both"),
                Arguments.of("both unfreezing periods",
                        b.replace("  batch-size: 16\n", "  batch-size: 16\n  gradual: {unfreeze-every-epochs: 1, unfreeze-every-steps: 10}\n"),
                        "training.gradual.unfreeze-every-steps: give unfreeze-every-epochs or unfreeze-every-steps, not both"),
                Arguments.of("gradual unfreezing that cannot reach the depth in the epochs",
                        b.replace("grid:\n", "grid:\n  strategy: [finetune, gradual]\n"),
                        "training.gradual.unfreeze-every-epochs: gradual cells with freeze 1 unfreeze 2 of the model's 3"
                                + " stages, one every 1 epoch(s), which needs more than 2 epochs; training.epochs is 2"),
                Arguments.of("gradual unfreezing by a fraction of an epoch that is still too slow",
                        b.replace("grid:\n", "grid:\n  strategy: [gradual]\n").replace("  batch-size: 16\n",
                                "  batch-size: 16\n  gradual: {unfreeze-every-epochs: 0.75}\n"),
                        "gradual cells with freeze 0 unfreeze 3 of the model's 3 stages, one every 0.75 epoch(s), which needs"
                                + " more than 2.25 epochs"),
                Arguments.of("unknown model option", b.replace("{hidden: 16, stages: 3}", "{hidden: 16, width: 3}"),
                        "model.options.width: unknown field; allowed here: hidden, stages"),
                Arguments.of("bad value in a profile", b + "profiles:\n  smoke: {training: {epochs: -1}}\n",
                        "training.epochs: must be an integer >= 1 and <= 10000, got -1 (with profile smoke)"),
                Arguments.of("profile overriding a field it may not", b + "profiles:\n  smoke: {suite: other}\n",
                        "profiles.smoke.suite: unknown field; allowed here: dataset, grid, head, metrics, model, task, training"),
                Arguments.of("model without weights and no pretraining",
                        b.replace("  pretrain:\n    dataset: {name: latent-classes, options: {examples: 400, task-seed: 1}}\n    epochs: 2\n", ""),
                        "grid: model 'mlp' ships no pretrained weights: add model.pretrain"),
                Arguments.of("unknown pretraining task",
                        b.replace("    epochs: 2\n", "    epochs: 2\n    task: translation\n"),
                        "model.pretrain.task: unknown task 'translation'"),
                Arguments.of("pretraining source without labels for its own task",
                        b.replace("    epochs: 2\n", "    epochs: 2\n    task: semantic-segmentation\n"),
                        "model.pretrain.dataset.name: dataset 'latent-classes' has no labels for task "
                                + "'semantic-segmentation'"),
                Arguments.of("not YAML", b.replace("lr: [0.003]", "lr: [0.003"), "not valid YAML"),
                Arguments.of("duplicate key", b + "task: vector-classification\n", "task: field appears twice"),
                Arguments.of("grid axis naming no field", b + "  training.bogus: [1]\n",
                        "grid.training.bogus: unknown field"),
                Arguments.of("grid axis with a bad value", b + "  training.weight-decay: [0.01, -1]\n",
                        "grid.training.weight-decay[1]: must be a number >= 0 and <= 10, got -1"),
                Arguments.of("limit too small", b.replace("limit: 80", "limit: 1"),
                        "dataset.limit: must be an integer >= 2, got 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSuites")
    void rejectsBadSuiteWithItsLocationFieldAndAllowedValues(String what, String yaml, String expected) {
        BenchException e = assertThrows(BenchException.class, () -> TestSuites.load(dir, yaml));
        assertEquals(BenchException.EXIT_BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in:\n" + e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("suite.yaml").toString()), "names the file");
    }

    @Test
    void pointsAtTheLineAndColumnOfTheBadValue() {
        String yaml = TestSuites.BASE.replace("batch-size: 16", "batch-size: 0");
        BenchException e = assertThrows(BenchException.class, () -> TestSuites.load(dir, yaml));
        assertTrue(e.getMessage().contains("suite.yaml:15:3: training.batch-size"), e.getMessage());
    }

    @Test
    void reportsEveryProblemOfTheFileAtOnce() {
        String yaml = TestSuites.BASE.replace("batch-size: 16", "batch-size: 0")
                .replace("lr: [0.003]", "lr: []")
                .replace("{hidden: 16, stages: 3}", "{hidden: -4, stages: 3}");
        BenchException e = assertThrows(BenchException.class, () -> TestSuites.load(dir, yaml));
        assertTrue(e.getMessage().contains("has 3 problems"), e.getMessage());
        assertTrue(e.getMessage().contains("training.batch-size"));
        assertTrue(e.getMessage().contains("grid.lr"));
        assertTrue(e.getMessage().contains("model.options.hidden"));
    }

    @Test
    void commandLineOverridesAreValidatedAndNamedAsSuch() {
        BenchException e = assertThrows(BenchException.class,
                () -> TestSuites.load(dir, TestSuites.BASE, "grid.freeze=all,9"));
        assertTrue(e.getMessage().contains("--set grid.freeze=all,9: grid.freeze[1]"), e.getMessage());
    }

    @Test
    void unknownProfileListsTheProfilesTheSuiteDefines() {
        String yaml = TestSuites.BASE + "profiles:\n  smoke: {training: {epochs: 1}}\n";
        BenchException e = assertThrows(BenchException.class, () -> TestSuites.loadProfile(dir, yaml, "full"));
        assertTrue(e.getMessage().contains("--profile full: this suite defines no such profile; it defines: smoke"),
                e.getMessage());
    }

    @Test
    void profileAndOverridesMergeIntoTheSuite() {
        String yaml = TestSuites.BASE + "profiles:\n  smoke: {training: {epochs: 1}, dataset: {limit: 20}}\n";
        ResolvedSuite s = TestSuites.loadProfile(dir, yaml, "smoke", "training.batch-size=8", "grid.lr=1e-4,3e-4");
        assertEquals(1, s.tree().at("/training/epochs").asInt());
        assertEquals(8, s.tree().at("/training/batch-size").asInt());
        assertEquals(20, s.tree().at("/dataset/limit").asInt());
        assertEquals(300, s.tree().at("/dataset/options/examples").asInt(), "deep merge keeps untouched fields");
        assertEquals(2, s.tree().at("/grid/lr").size());
        assertEquals(1e-4, s.tree().at("/grid/lr/0").asDouble(), 1e-12);
    }
}
