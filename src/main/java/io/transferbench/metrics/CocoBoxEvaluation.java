package io.transferbench.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * COCO's box detection metric as pycocotools' {@code COCOeval(iouType='bbox')} computes it: IoU
 * thresholds .50:.05:.95, 101 recall points, at most 1/10/100 detections per image, the area
 * ranges all/small/medium/large, score-ordered greedy matching per image and category with
 * pycocotools' crowd and ignore rules, precision made monotone before it is read at each recall
 * point, and categories without ground truth left out. Images are taken in the order they are
 * added: where scores tie across images that order decides the ranking, as pycocotools' image
 * order (ascending ids) does.
 */
public final class CocoBoxEvaluation {

    static final int MAX_DETECTIONS = 100;
    private static final int[] MAX_DETS = {1, 10, MAX_DETECTIONS};
    private static final CocoAreaRange[] RANGES = CocoAreaRange.values();

    /** pycocotools' thresholds are NumPy linspaces; the same arithmetic gives the same doubles. */
    static final double[] IOU_THRESHOLDS = linspace(0.5, 0.95, 10);
    static final double[] RECALL_POINTS = linspace(0.0, 1.0, 101);

    /** Per added image, per category present in it: the matches for each area range. */
    private final List<Map<Integer, CocoImageMatch[]>> images = new ArrayList<>();
    private final TreeSet<Integer> categories = new TreeSet<>();

    /** Adds one image's ground truth and detections (either may be empty). */
    public void addImage(List<CocoTruth> truths, List<CocoDetection> detections) {
        Map<Integer, List<CocoTruth>> truthsBy = new TreeMap<>();
        Map<Integer, List<CocoDetection>> detsBy = new TreeMap<>();
        for (CocoTruth t : truths) {
            truthsBy.computeIfAbsent(t.category(), c -> new ArrayList<>()).add(t);
        }
        for (CocoDetection d : detections) {
            detsBy.computeIfAbsent(d.category(), c -> new ArrayList<>()).add(d);
        }
        TreeSet<Integer> present = new TreeSet<>(truthsBy.keySet());
        present.addAll(detsBy.keySet());
        Map<Integer, CocoImageMatch[]> matches = new LinkedHashMap<>();
        for (int category : present) {
            CocoImageMatch[] byRange = new CocoImageMatch[RANGES.length];
            for (int a = 0; a < RANGES.length; a++) {
                byRange[a] = CocoImageMatch.of(truthsBy.getOrDefault(category, List.of()),
                        detsBy.getOrDefault(category, List.of()), RANGES[a], IOU_THRESHOLDS);
            }
            matches.put(category, byRange);
        }
        categories.addAll(present);
        images.add(matches);
    }

    public int imageCount() {
        return images.size();
    }

    public CocoSummary summarize() {
        int all = CocoAreaRange.ALL.ordinal();
        int hundred = MAX_DETS.length - 1;
        List<Curves> curves = new ArrayList<>();
        Map<Integer, Double> perCategory = new LinkedHashMap<>();
        for (int category : categories) {
            Curves c = curvesOf(category);
            curves.add(c);
            if (c.counted[all] > 0) {
                perCategory.put(category, meanPrecision(List.of(c), all, hundred, -1));
            }
        }
        int t50 = thresholdIndex(0.5);
        int t75 = thresholdIndex(0.75);
        return new CocoSummary(meanPrecision(curves, all, hundred, -1), meanPrecision(curves, all, hundred, t50),
                meanPrecision(curves, all, hundred, t75),
                meanPrecision(curves, CocoAreaRange.SMALL.ordinal(), hundred, -1),
                meanPrecision(curves, CocoAreaRange.MEDIUM.ordinal(), hundred, -1),
                meanPrecision(curves, CocoAreaRange.LARGE.ordinal(), hundred, -1),
                meanRecall(curves, all, 0), meanRecall(curves, all, 1), meanRecall(curves, all, hundred),
                meanRecall(curves, CocoAreaRange.SMALL.ordinal(), hundred),
                meanRecall(curves, CocoAreaRange.MEDIUM.ordinal(), hundred),
                meanRecall(curves, CocoAreaRange.LARGE.ordinal(), hundred), perCategory);
    }

    /** One category's precision at the recall points and final recall, per range, maxDets and threshold. */
    private record Curves(double[][][][] precision, double[][][] recall, int[] counted) {
    }

    /** pycocotools' {@code accumulate} for one category. */
    private Curves curvesOf(int category) {
        int thresholds = IOU_THRESHOLDS.length;
        double[][][][] precision = new double[RANGES.length][MAX_DETS.length][thresholds][];
        double[][][] recall = new double[RANGES.length][MAX_DETS.length][thresholds];
        int[] counted = new int[RANGES.length];
        for (int a = 0; a < RANGES.length; a++) {
            List<CocoImageMatch> matches = new ArrayList<>();
            for (Map<Integer, CocoImageMatch[]> image : images) {
                CocoImageMatch[] m = image.get(category);
                if (m != null) {
                    matches.add(m[a]);
                    counted[a] += m[a].countedTruths;
                }
            }
            for (int k = 0; k < MAX_DETS.length; k++) {
                for (int t = 0; t < thresholds; t++) {
                    if (counted[a] == 0) {
                        recall[a][k][t] = -1;
                        precision[a][k][t] = null;
                    }
                }
                if (counted[a] == 0) {
                    continue;
                }
                Ranked ranked = Ranked.of(matches, MAX_DETS[k]);
                for (int t = 0; t < thresholds; t++) {
                    double[] q = new double[RECALL_POINTS.length];
                    recall[a][k][t] = ranked.curve(t, counted[a], q);
                    precision[a][k][t] = q;
                }
            }
        }
        return new Curves(precision, recall, counted);
    }

    /** The kept detections of one category over all images, best score first (stable across images). */
    private record Ranked(List<CocoImageMatch> owners, int[] index) {

        static Ranked of(List<CocoImageMatch> matches, int maxDet) {
            List<CocoImageMatch> owners = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            List<Double> scores = new ArrayList<>();
            for (CocoImageMatch m : matches) {
                for (int d = 0; d < Math.min(maxDet, m.scores.length); d++) {
                    owners.add(m);
                    positions.add(d);
                    scores.add(m.scores[d]);
                }
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < scores.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingDouble((Integer i) -> scores.get(i)).reversed());
            List<CocoImageMatch> sortedOwners = new ArrayList<>();
            int[] index = new int[order.size()];
            for (int i = 0; i < order.size(); i++) {
                sortedOwners.add(owners.get(order.get(i)));
                index[i] = positions.get(order.get(i));
            }
            return new Ranked(sortedOwners, index);
        }

        /** Fills {@code q} with interpolated precision at the recall points; returns the final recall. */
        double curve(int t, int counted, double[] q) {
            List<double[]> points = new ArrayList<>();
            long tp = 0;
            long fp = 0;
            for (int i = 0; i < index.length; i++) {
                CocoImageMatch m = owners.get(i);
                if (m.ignored[t][index[i]]) {
                    continue;
                }
                if (m.matched[t][index[i]]) {
                    tp++;
                } else {
                    fp++;
                }
                points.add(new double[] {(double) tp / counted, tp / (fp + tp + Math.ulp(1.0))});
            }
            // pycocotools keeps ignored detections as steps with unchanged counts: the same recall and
            // precision as the step before, which changes neither the envelope nor the readings.
            int n = points.size();
            double[] rc = new double[n];
            double[] pr = new double[n];
            for (int i = 0; i < n; i++) {
                rc[i] = points.get(i)[0];
                pr[i] = points.get(i)[1];
            }
            for (int i = n - 1; i > 0; i--) {
                if (pr[i] > pr[i - 1]) {
                    pr[i - 1] = pr[i];
                }
            }
            int i = 0;
            for (int r = 0; r < RECALL_POINTS.length; r++) {
                while (i < n && rc[i] < RECALL_POINTS[r]) {
                    i++;
                }
                if (i == n) {
                    break;
                }
                q[r] = pr[i];
            }
            return n == 0 ? 0 : rc[n - 1];
        }
    }

    private static double meanPrecision(List<Curves> curves, int range, int maxDet, int onlyThreshold) {
        double sum = 0;
        long n = 0;
        for (Curves c : curves) {
            for (int t = 0; t < IOU_THRESHOLDS.length; t++) {
                double[] q = c.precision[range][maxDet][t];
                if (q == null || (onlyThreshold >= 0 && t != onlyThreshold)) {
                    continue;
                }
                for (double v : q) {
                    sum += v;
                    n++;
                }
            }
        }
        return n == 0 ? -1 : sum / n;
    }

    private static double meanRecall(List<Curves> curves, int range, int maxDet) {
        double sum = 0;
        long n = 0;
        for (Curves c : curves) {
            for (double r : c.recall[range][maxDet]) {
                if (r > -1) {
                    sum += r;
                    n++;
                }
            }
        }
        return n == 0 ? -1 : sum / n;
    }

    private static int thresholdIndex(double value) {
        for (int t = 0; t < IOU_THRESHOLDS.length; t++) {
            if (IOU_THRESHOLDS[t] == value) {
                return t;
            }
        }
        throw new IllegalStateException("no IoU threshold " + value);
    }

    /** NumPy's {@code linspace(start, stop, num)}: i * step + start, the last point exactly stop. */
    static double[] linspace(double start, double stop, int num) {
        double step = (stop - start) / (num - 1);
        double[] y = new double[num];
        for (int i = 0; i < num; i++) {
            y[i] = i * step + start;
        }
        y[num - 1] = stop;
        return y;
    }
}
