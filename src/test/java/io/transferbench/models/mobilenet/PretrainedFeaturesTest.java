package io.transferbench.models.mobilenet;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Blocks;
import io.transferbench.catalog.Catalog;
import io.transferbench.LockedAssets;
import io.transferbench.TestSuites;
import io.transferbench.assets.AssetService;
import io.transferbench.data.Splits;
import io.transferbench.models.Backbone;
import io.transferbench.spec.CellSpec;
import io.transferbench.suite.Grid;
import io.transferbench.train.CellTrainer;
import io.transferbench.train.TrainingOutcome;
import io.transferbench.train.TransferNetwork;
import io.transferbench.train.WeightSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the imported weights are worth: a linear probe on their features beats a linear probe on
 * the features of the same network, randomly initialised, by a wide margin (a slice of real
 * Fashion-MNIST, 500 training images at 64 px).
 */
class PretrainedFeaturesTest {

    private static final String SUITE = """
            suite: probe-check
            task: image-classification
            model: mobilenet-v2
            dataset:
              name: fashion-mnist
              limit: 500
              val-fraction: 0.005
              test-fraction: 0.01
              options: {image-size: 64}
            training: {epochs: 4, batch-size: 50}
            grid: {freeze: [all], schedule: [warmup-cosine], lr: [0.01]}
            """;

    @TempDir
    Path dir;

    @Test
    void aLinearProbeOnPretrainedFeaturesBeatsOneOnRandomFeaturesByAWideMargin() {
        Catalog catalog = Catalog.discover();
        CellSpec spec = Grid.expand(TestSuites.load(dir, SUITE), model -> MobileNetV2Family.STAGES, s -> "").cells().get(0).spec();
        AssetService assets = LockedAssets.service("fashion-mnist", MobileNetV2Family.WEIGHTS_ASSET);
        Splits splits = catalog.dataset("fashion-mnist").load(spec.dataset(), assets);
        MobileNetV2Family family = new MobileNetV2Family();
        CellTrainer trainer = new CellTrainer(Device.cpu());
        try (NDManager manager = NDManager.newBaseManager(Device.cpu());
             WeightSnapshot pretrained = imported(family, spec, splits, assets, manager)) {
            TrainingOutcome onPretrained = trainer.train(spec, splits, catalog.task(spec.task()), family, pretrained,
                    (phase, epoch, epochs) -> { }, null);
            TrainingOutcome onRandom = trainer.train(spec, splits, catalog.task(spec.task()), family, null,
                    (phase, epoch, epochs) -> { }, null);
            assertEquals(TrainingOutcome.OK, onPretrained.status(), onPretrained.reason());
            assertEquals(TrainingOutcome.OK, onRandom.status(), onRandom.reason());
            double pretrainedAccuracy = onPretrained.test().metrics().get("accuracy");
            double randomAccuracy = onRandom.test().metrics().get("accuracy");
            System.out.printf("linear probe, test accuracy: pretrained features %.3f, random features %.3f%n",
                    pretrainedAccuracy, randomAccuracy);
            assertEquals(onPretrained.paramsTrainable(), onRandom.paramsTrainable(), "both train only the head");
            assertTrue(pretrainedAccuracy > 0.5, "pretrained probe " + pretrainedAccuracy);
            assertTrue(pretrainedAccuracy > randomAccuracy + 0.2,
                    "pretrained " + pretrainedAccuracy + " vs random " + randomAccuracy);
        }
    }

    private static WeightSnapshot imported(MobileNetV2Family family, CellSpec spec, Splits splits, AssetService assets,
                                           NDManager manager) {
        try (Model model = Model.newInstance("import", Device.cpu())) {
            Backbone backbone = family.build(spec.model(), splits.inputShape());
            TransferNetwork net = new TransferNetwork(backbone, Blocks.identityBlock());
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, CellTrainer.batchShape(splits.inputShape()));
            family.loadPretrained(backbone, spec.model(), assets, model.getNDManager());
            return WeightSnapshot.of(net.stages(), manager);
        }
    }
}
