package io.transferbench.tasks.detection;

import ai.djl.ndarray.NDList;
import io.transferbench.metrics.CocoBoxEvaluation;
import io.transferbench.metrics.CocoDetection;
import io.transferbench.metrics.CocoSummary;
import io.transferbench.metrics.CocoTruth;
import io.transferbench.tasks.Evaluation;
import io.transferbench.tasks.Evaluator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * COCO's box metrics over a whole split: every image's detections after NMS against its true
 * boxes, in input pixels (so COCO's small/medium/large areas are the model's pixels), category ids
 * the class indices; AP per class for the classes with objects in the split.
 */
final class DetectionEvaluator implements Evaluator {

    private final List<String> classNames;
    private final SsdDecoder decoder;
    private final CocoBoxEvaluation coco = new CocoBoxEvaluation();

    DetectionEvaluator(List<String> classNames, SsdDecoder decoder) {
        this.classNames = classNames;
        this.decoder = decoder;
    }

    @Override
    public void add(NDList predictions, NDList labels) {
        List<List<DetectedBox>> detected = decoder.detections(predictions);
        List<ImageBoxes> truths = ImageBoxes.of(labels.singletonOrThrow());
        for (int n = 0; n < truths.size(); n++) {
            ImageBoxes truth = truths.get(n);
            List<CocoTruth> objects = new ArrayList<>();
            for (int i = 0; i < truth.count(); i++) {
                objects.add(CocoTruth.ofCorners(truth.classes()[i], truth.box(i)));
            }
            List<CocoDetection> found = new ArrayList<>();
            for (DetectedBox d : detected.get(n)) {
                found.add(CocoDetection.ofCorners(d.category() + 1, new double[] {d.x0(), d.y0(), d.x1(), d.y1()},
                        d.score()));
            }
            coco.addImage(objects, found);
        }
    }

    @Override
    public Evaluation result() {
        CocoSummary summary = coco.summarize();
        Map<String, Double> perClass = new LinkedHashMap<>();
        summary.perCategoryAp().forEach((category, ap) -> perClass.put(classNames.get(category), ap));
        return new Evaluation(Map.of(DetectionTask.MAP, summary.map(), DetectionTask.MAP_50, summary.map50(),
                DetectionTask.MAP_75, summary.map75(), DetectionTask.MAR_100, summary.mar100()), perClass);
    }
}
