package io.transferbench.tasks.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Per-class non-maximum suppression, the post-processing of SSD as TF's
 * {@code multiclass_non_max_suppression} and torchvision's {@code SSD.postprocess_detections} do
 * it: per class, drop scores at or below {@code scoreThreshold}, keep the best
 * {@code candidatesPerClass} (torchvision's {@code topk_candidates}), then greedily keep the best
 * box and drop every later one whose IoU with it exceeds {@code iouThreshold}, at most
 * {@code detectionsPerClass} kept (TF's {@code max_detections_per_class}); finally the best
 * {@code maxDetections} over all classes (COCO counts 100). Boxes of different classes never
 * suppress each other. Equal scores keep the lower anchor first.
 */
public record ClassNms(float iouThreshold, float scoreThreshold, int candidatesPerClass, int detectionsPerClass,
        int maxDetections) {

    /** torchvision's SSD defaults (score 0.01, IoU 0.45, 400 candidates), up to COCO's 100 per image. */
    public static ClassNms ssd() {
        return new ClassNms(0.45f, 0.01f, 400, 100, 100);
    }

    /**
     * @param boxes decoded corners, four floats per anchor
     * @param scores per anchor, the probability of each category (background left out)
     */
    public List<DetectedBox> apply(float[] boxes, float[][] scores) {
        List<DetectedBox> all = new ArrayList<>();
        int categories = scores.length == 0 ? 0 : scores[0].length;
        for (int c = 0; c < categories; c++) {
            final int category = c;
            List<Integer> candidates = new ArrayList<>();
            for (int a = 0; a < scores.length; a++) {
                if (scores[a][c] > scoreThreshold) {
                    candidates.add(a);
                }
            }
            candidates.sort((x, y) -> Float.compare(scores[y][category], scores[x][category]));
            if (candidates.size() > candidatesPerClass) {
                candidates = candidates.subList(0, candidatesPerClass);
            }
            List<Integer> kept = new ArrayList<>();
            for (int a : candidates) {
                if (kept.size() == detectionsPerClass) {
                    break;
                }
                boolean suppressed = false;
                for (int k : kept) {
                    if (BoxIou.iou(boxes, a, boxes, k) > iouThreshold) {
                        suppressed = true;
                        break;
                    }
                }
                if (!suppressed) {
                    kept.add(a);
                }
            }
            for (int a : kept) {
                all.add(new DetectedBox(boxes[4 * a], boxes[4 * a + 1], boxes[4 * a + 2], boxes[4 * a + 3], c,
                        scores[a][c]));
            }
        }
        // Stable: among equal scores the lower class, then the lower anchor, stays first.
        all.sort(Comparator.comparingDouble(DetectedBox::score).reversed());
        return all.size() > maxDetections ? new ArrayList<>(all.subList(0, maxDetections)) : all;
    }
}
