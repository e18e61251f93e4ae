package io.transferbench.tasks.detection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

import java.util.ArrayList;
import java.util.List;

/**
 * From an {@link SsdHead}'s outputs to each image's detections: softmax over the classes, box
 * codes decoded against the default boxes, per-class NMS. A detection's category is its class
 * minus one (the background has no detections).
 */
record SsdDecoder(BoxCoder coder, ClassNms nms) {

    List<List<DetectedBox>> detections(NDList predictions) {
        NDArray probabilities = predictions.get(0).softmax(2);
        long[] shape = probabilities.getShape().getShape();
        int images = (int) shape[0];
        int anchors = (int) shape[1];
        int outputs = (int) shape[2];
        float[] scores = probabilities.toFloatArray();
        float[] codes = predictions.get(1).toFloatArray();
        float[] defaults = predictions.get(2).toFloatArray();
        List<List<DetectedBox>> out = new ArrayList<>(images);
        for (int n = 0; n < images; n++) {
            float[] imageCodes = new float[4 * anchors];
            System.arraycopy(codes, n * 4 * anchors, imageCodes, 0, imageCodes.length);
            float[][] objectScores = new float[anchors][outputs - 1];
            for (int a = 0; a < anchors; a++) {
                System.arraycopy(scores, (n * anchors + a) * outputs + 1, objectScores[a], 0, outputs - 1);
            }
            out.add(nms.apply(coder.decode(defaults, imageCodes), objectScores));
        }
        return out;
    }
}
