package io.transferbench.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.transferbench.catalog.Catalog;
import io.transferbench.TestSuites;
import io.transferbench.assets.NoAssets;
import io.transferbench.data.Splits;
import io.transferbench.models.Backbone;
import io.transferbench.models.ModelFamily;
import io.transferbench.spec.CellSpec;
import io.transferbench.suite.Grid;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds cells of the test suite and the pieces a {@link CellTrainer} needs. */
final class TrainingFixture {

    final Catalog catalog = Catalog.discover();

    List<CellSpec> cells(Path dir, String... sets) {
        return Grid.expand(TestSuites.load(dir, TestSuites.BASE, sets), m -> 3, s -> "")
                .cells().stream().map(c -> c.spec()).toList();
    }

    Splits data(CellSpec spec) {
        return catalog.dataset(spec.dataset().name()).load(spec.dataset(), new NoAssets(java.nio.file.Path.of("no.lock")));
    }

    ModelFamily family(CellSpec spec) {
        return catalog.model(spec.model().name());
    }

    /** A freshly initialised backbone as "pretrained" weights, and its values by parameter. */
    record Start(WeightSnapshot snapshot, Map<String, float[]> values) {}

    Start start(CellSpec spec, Splits splits, NDManager manager) {
        try (Model model = Model.newInstance("start", Device.cpu())) {
            Backbone b = family(spec).build(spec.model(), splits.inputShape());
            TransferNetwork net = new TransferNetwork(b, Blocks.identityBlock());
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, CellTrainer.batchShape(splits.inputShape()));
            return new Start(WeightSnapshot.of(net.stages(), manager), stageValues(net));
        }
    }

    /** Every stage parameter's values, BatchNorm statistics included, keyed by stage and name. */
    static Map<String, float[]> stageValues(TransferNetwork net) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (int i = 0; i < net.stages().size(); i++) {
            for (Pair<String, Parameter> p : net.stages().get(i).getParameters()) {
                values.put(i + "/" + p.getKey(), p.getValue().getArray().toFloatArray());
            }
        }
        return values;
    }

    static final CellTrainer.Listener QUIET = (phase, epoch, epochs) -> { };
}
