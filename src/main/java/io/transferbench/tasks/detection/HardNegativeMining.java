package io.transferbench.tasks.detection;

import java.util.ArrayList;
import java.util.List;

/**
 * SSD's hard-negative mining: of an image's background anchors, only the ones with the highest
 * classification loss train, at most {@code negativesPerPositive} per matched anchor (3:1 in the
 * paper), so the thousands of easy background anchors do not swamp the few objects. An image
 * without objects still contributes {@code minNegatives} (TF's {@code min_negatives_per_image};
 * torchvision's SSD uses 0). Equal losses go to the lower anchor index, so the choice is
 * reproducible.
 */
public record HardNegativeMining(int negativesPerPositive, int minNegatives) {

    public static HardNegativeMining ssd() {
        return new HardNegativeMining(3, 0);
    }

    /** Which anchors the classification loss counts: every positive and the mined negatives. */
    public boolean[] select(float[] classLoss, int[] classes) {
        boolean[] keep = new boolean[classes.length];
        int positives = 0;
        List<Integer> negatives = new ArrayList<>();
        for (int a = 0; a < classes.length; a++) {
            if (classes[a] > 0) {
                keep[a] = true;
                positives++;
            } else if (classes[a] == SsdTargets.BACKGROUND) {
                negatives.add(a);
            }
        }
        negatives.sort((x, y) -> Float.compare(classLoss[y], classLoss[x]));
        int wanted = Math.min(negatives.size(), Math.max(minNegatives, negativesPerPositive * positives));
        for (int i = 0; i < wanted; i++) {
            keep[negatives.get(i)] = true;
        }
        return keep;
    }
}
