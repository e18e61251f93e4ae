package io.transferbench.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The detections of one category in one image matched to its ground truth, at every IoU threshold,
 * for one area range: pycocotools' {@code evaluateImg}. Detections are taken best score first
 * (ties in the order given), at most {@link CocoBoxEvaluation#MAX_DETECTIONS}; the smaller
 * maxDets of the summary truncate these matches later, as pycocotools does, rather than matching
 * anew.
 */
final class CocoImageMatch {

    /** Scores of the kept detections, best first. */
    final double[] scores;
    /** [threshold][detection]: matched to a ground truth. */
    final boolean[][] matched;
    /** [threshold][detection]: left out of the counts (matched to a crowd or ignored object, or outside the range). */
    final boolean[][] ignored;
    /** Ground truths that count in this range: neither crowd nor outside it. */
    final int countedTruths;

    private CocoImageMatch(double[] scores, boolean[][] matched, boolean[][] ignored, int countedTruths) {
        this.scores = scores;
        this.matched = matched;
        this.ignored = ignored;
        this.countedTruths = countedTruths;
    }

    static CocoImageMatch of(List<CocoTruth> truths, List<CocoDetection> detections, CocoAreaRange range,
            double[] iouThresholds) {
        List<CocoDetection> dets = new ArrayList<>(detections);
        // List.sort is stable, like pycocotools' argsort(kind='mergesort') on the negated scores.
        dets.sort(Comparator.comparingDouble(CocoDetection::score).reversed());
        if (dets.size() > CocoBoxEvaluation.MAX_DETECTIONS) {
            dets = dets.subList(0, CocoBoxEvaluation.MAX_DETECTIONS);
        }
        // Objects that do not count (crowds, and those outside the range) go last, otherwise in order:
        // a detection then takes a counted object when it can and falls back to an ignored one.
        List<CocoTruth> gts = new ArrayList<>(truths);
        gts.sort(Comparator.comparingInt(g -> ignoredIn(g, range) ? 1 : 0));
        int counted = 0;
        boolean[] gtIgnored = new boolean[gts.size()];
        for (int g = 0; g < gts.size(); g++) {
            gtIgnored[g] = ignoredIn(gts.get(g), range);
            counted += gtIgnored[g] ? 0 : 1;
        }
        double[][] ious = new double[dets.size()][gts.size()];
        for (int d = 0; d < dets.size(); d++) {
            for (int g = 0; g < gts.size(); g++) {
                ious[d][g] = iou(dets.get(d), gts.get(g));
            }
        }
        int thresholds = iouThresholds.length;
        boolean[][] matched = new boolean[thresholds][dets.size()];
        boolean[][] ignored = new boolean[thresholds][dets.size()];
        for (int t = 0; t < thresholds; t++) {
            boolean[] gtTaken = new boolean[gts.size()];
            for (int d = 0; d < dets.size(); d++) {
                double best = Math.min(iouThresholds[t], 1 - 1e-10);
                int m = -1;
                for (int g = 0; g < gts.size(); g++) {
                    // A crowd region may absorb any number of detections; any other object only one.
                    if (gtTaken[g] && !gts.get(g).crowd()) {
                        continue;
                    }
                    // Once a counted object is matched, the ignored ones (all after it) cannot replace it.
                    if (m > -1 && !gtIgnored[m] && gtIgnored[g]) {
                        break;
                    }
                    // ">=": the threshold itself matches, and a later object of equal IoU wins the tie.
                    if (ious[d][g] < best) {
                        continue;
                    }
                    best = ious[d][g];
                    m = g;
                }
                if (m == -1) {
                    ignored[t][d] = range.excludes(dets.get(d).area());
                    continue;
                }
                matched[t][d] = true;
                ignored[t][d] = gtIgnored[m];
                gtTaken[m] = true;
            }
        }
        double[] scores = new double[dets.size()];
        for (int d = 0; d < scores.length; d++) {
            scores[d] = dets.get(d).score();
        }
        return new CocoImageMatch(scores, matched, ignored, counted);
    }

    private static boolean ignoredIn(CocoTruth g, CocoAreaRange range) {
        return g.crowd() || range.excludes(g.area());
    }

    /**
     * IoU of a detection with a ground truth as pycocotools' {@code bbIou}; against a crowd region
     * the union is the detection alone, so a detection wholly inside a crowd scores 1.
     */
    static double iou(CocoDetection d, CocoTruth g) {
        double w = Math.min(d.width() + d.x(), g.width() + g.x()) - Math.max(d.x(), g.x());
        if (w <= 0) {
            return 0;
        }
        double h = Math.min(d.height() + d.y(), g.height() + g.y()) - Math.max(d.y(), g.y());
        if (h <= 0) {
            return 0;
        }
        double inter = w * h;
        double detArea = d.width() * d.height();
        double union = g.crowd() ? detArea : detArea + g.width() * g.height() - inter;
        return inter / union;
    }
}
