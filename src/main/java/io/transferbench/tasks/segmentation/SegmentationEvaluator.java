package io.transferbench.tasks.segmentation;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import io.transferbench.metrics.ConfusionMatrix;
import io.transferbench.tasks.Evaluation;
import io.transferbench.tasks.Evaluator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** mIoU, pixel accuracy and per-class IoU of arg-max predictions over a whole split. */
final class SegmentationEvaluator implements Evaluator {

    private final List<String> classNames;
    private final ConfusionMatrix pixels;

    SegmentationEvaluator(List<String> classNames) {
        this.classNames = classNames;
        this.pixels = new ConfusionMatrix(classNames.size());
    }

    @Override
    public void add(NDList predictions, NDList labels) {
        int[] predicted = predictions.singletonOrThrow().argMax(1).toType(DataType.INT32, false).toIntArray();
        int[] actual = labels.singletonOrThrow().toType(DataType.INT32, false).toIntArray();
        pixels.addAll(actual, predicted, PixelCrossEntropy.IGNORE);
    }

    @Override
    public Evaluation result() {
        Map<String, Double> perClass = new LinkedHashMap<>();
        for (int c = 0; c < classNames.size(); c++) {
            // A class neither present nor predicted has no IoU, and is left out as from the mean.
            if (!Double.isNaN(pixels.iou(c))) {
                perClass.put(classNames.get(c), pixels.iou(c));
            }
        }
        return new Evaluation(Map.of(SegmentationTask.MIOU, pixels.meanIou(),
                SegmentationTask.PIXEL_ACCURACY, pixels.accuracy()), perClass);
    }
}
