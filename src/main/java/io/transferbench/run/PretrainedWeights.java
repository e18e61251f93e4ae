package io.transferbench.run;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Blocks;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transferbench.BenchException;
import io.transferbench.catalog.Catalog;
import io.transferbench.Mappers;
import io.transferbench.assets.AssetAccess;
import io.transferbench.data.Splits;
import io.transferbench.models.Backbone;
import io.transferbench.models.ModelFamily;
import io.transferbench.spec.CellSpec;
import io.transferbench.spec.FreezeDepth;
import io.transferbench.spec.ModelSpec;
import io.transferbench.spec.PretrainSpec;
import io.transferbench.tasks.Task;
import io.transferbench.spec.ScheduleKind;
import io.transferbench.spec.Strategy;
import io.transferbench.spec.TrainingSpec;
import io.transferbench.train.CellTrainer;
import io.transferbench.train.TrainingOutcome;
import io.transferbench.train.TransferNetwork;
import io.transferbench.train.WeightSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pretrained backbone weights of a run, prepared once and shared by every cell: either the
 * family's packaged weights, imported from their asset, or weights from pretraining on the
 * suite's source dataset. Preparing happens before the grid, outside every cell's timing.
 */
final class PretrainedWeights implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PretrainedWeights.class);

    private final Catalog catalog;
    private final AssetAccess assets;
    private final Device device;
    private final PreparedData data;
    private final NDManager manager;
    private final Map<String, WeightSnapshot> cache = new HashMap<>();
    private final Map<String, TrainingOutcome> sourceOutcomes = new HashMap<>();

    PretrainedWeights(Catalog catalog, AssetAccess assets, Device device, PreparedData data) {
        this.catalog = catalog;
        this.assets = assets;
        this.device = device;
        this.data = data;
        this.manager = NDManager.newBaseManager(device);
    }

    /** The backbone weights a cell starts from (the cell's input shape fixes the backbone's). */
    WeightSnapshot forCell(CellSpec cell, long[] inputShape) {
        String key = keyOf(cell.model(), cell.task(), inputShape);
        WeightSnapshot snapshot = cache.get(key);
        if (snapshot == null) {
            snapshot = cell.model().pretrain() != null
                    ? pretrainOnSource(cell)
                    : importPackaged(cell.model(), inputShape);
            cache.put(key, snapshot);
        }
        return snapshot;
    }

    Map<String, TrainingOutcome> sourceOutcomes() {
        return sourceOutcomes;
    }

    private static String keyOf(ModelSpec model, String task, long[] inputShape) {
        try {
            return task + "|" + java.util.Arrays.toString(inputShape) + "|" + Mappers.SUITE.writeValueAsString(model);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private WeightSnapshot importPackaged(ModelSpec spec, long[] inputShape) {
        ModelFamily family = catalog.model(spec.name());
        try (Model model = Model.newInstance("pretrained", device)) {
            Backbone backbone = family.build(spec, inputShape);
            TransferNetwork net = new TransferNetwork(backbone, Blocks.identityBlock());
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, CellTrainer.batchShape(inputShape));
            family.loadPretrained(backbone, spec, assets, model.getNDManager());
            return WeightSnapshot.of(net.stages(), manager).withHead(family.pretrainedHeadTensors(spec, assets));
        }
    }

    private WeightSnapshot pretrainOnSource(CellSpec cell) {
        PretrainSpec p = cell.model().pretrain();
        ObjectNode trainingTree = JsonNodeFactory.instance.objectNode();
        trainingTree.put("epochs", p.epochs());
        trainingTree.put("batch-size", p.batchSize());
        TrainingSpec training = Mappers.SUITE.convertValue(trainingTree, TrainingSpec.class);
        Task task = catalog.task(p.taskOr(cell.task()));
        ObjectNode defaultHead = JsonNodeFactory.instance.objectNode();
        task.headRule().fillDefaults(defaultHead);
        CellSpec source = new CellSpec(cell.suite(), task.name(),
                new ModelSpec(cell.model().name(), cell.model().options(), null), p.dataset(), defaultHead,
                training, Strategy.SCRATCH, FreezeDepth.NONE, ScheduleKind.WARMUP_COSINE, p.lr(), 1.0, p.seed(),
                List.of());
        Splits splits = data.forModel(p.dataset(), task.name(), cell.model());
        LOG.info("pretraining {} on source dataset {} ({} train examples, {} epochs)",
                cell.model().name(), p.dataset().name(), splits.train().size(), p.epochs());
        WeightSnapshot[] kept = new WeightSnapshot[1];
        TrainingOutcome outcome = new CellTrainer(device).train(source, splits, task,
                catalog.model(cell.model().name()), null, (phase, epoch, epochs) -> { },
                net -> kept[0] = WeightSnapshot.of(net.stages(), manager));
        if (kept[0] == null) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, "pretraining on " + p.dataset().name()
                    + " did not finish (" + outcome.status() + ": " + outcome.reason()
                    + "); fix model.pretrain in the suite");
        }
        LOG.info("source model: val {} test {}", outcome.val().metrics(), outcome.test().metrics());
        sourceOutcomes.put(p.dataset().name(), outcome);
        return kept[0];
    }

    @Override
    public void close() {
        cache.values().forEach(WeightSnapshot::close);
        manager.close();
    }
}
