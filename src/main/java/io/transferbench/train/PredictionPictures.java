package io.transferbench.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.transferbench.data.Batch;
import io.transferbench.data.ExampleSet;
import io.transferbench.data.Targets;
import io.transferbench.tasks.Drawing;
import io.transferbench.tasks.PredictionDrawer;
import io.transferbench.tasks.Task;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pictures of a cell's predictions on the first few test examples, made once its best weights
 * are back, so that the report, rebuilt from records alone, can show what the numbers mean.
 */
final class PredictionPictures {

    /** Few enough that every cell can keep them beside its record. */
    static final int COUNT = 4;

    private PredictionPictures() {}

    /**
     * @param fed the test split as the network takes it (cached stage outputs, possibly)
     * @param source the same split as the dataset gave it, which knows what its examples look like
     * @return none when the task draws nothing or the examples are not pictures
     */
    static List<Drawing> of(Task task, Targets targets, TransferNetwork net, NDManager manager, ExampleSet fed,
                            ExampleSet source) {
        Optional<PredictionDrawer> drawer = task.drawer(targets);
        int count = Math.min(COUNT, source.size());
        if (drawer.isEmpty() || count == 0 || source.picture(0).isEmpty()) {
            return List.of();
        }
        List<BufferedImage> pictures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pictures.add(source.picture(i).orElseThrow());
        }
        try (NDManager m = manager.newSubManager()) {
            Batch b = fed.batch(m, Scorer.range(0, count));
            NDList predictions = net.forward(new ParameterStore(m, false), b.inputs(), false);
            return drawer.get().draw(pictures, b.labels(), predictions);
        }
    }
}
