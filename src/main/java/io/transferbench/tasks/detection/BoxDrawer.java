package io.transferbench.tasks.detection;

import ai.djl.ndarray.NDList;
import io.transferbench.tasks.ClassPalette;
import io.transferbench.tasks.Drawing;
import io.transferbench.tasks.PredictionDrawer;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two panels per example: the true boxes, and the detections scoring at least
 * {@value #MIN_SCORE} with their scores, each box in its class's colour. Small images are
 * enlarged so the labels stay readable.
 */
final class BoxDrawer implements PredictionDrawer {

    static final float MIN_SCORE = 0.3f;
    private static final int MIN_SIDE = 256;
    private static final int GAP = 4;

    private final List<String> classNames;
    private final SsdDecoder decoder;

    BoxDrawer(List<String> classNames, SsdDecoder decoder) {
        this.classNames = classNames;
        this.decoder = decoder;
    }

    @Override
    public List<Drawing> draw(List<BufferedImage> pictures, NDList targets, NDList predictions) {
        List<List<DetectedBox>> detected = decoder.detections(predictions);
        List<ImageBoxes> truths = ImageBoxes.of(targets.singletonOrThrow());
        List<Drawing> drawings = new ArrayList<>();
        for (int i = 0; i < pictures.size(); i++) {
            BufferedImage image = pictures.get(i);
            int zoom = Math.max(1, (MIN_SIDE + image.getWidth() - 1) / image.getWidth());
            int w = image.getWidth() * zoom;
            int h = image.getHeight() * zoom;
            BufferedImage panels = new BufferedImage(2 * w + GAP, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = panels.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, panels.getWidth(), h);
            g.drawImage(image, 0, 0, w, h, null);
            g.drawImage(image, w + GAP, 0, w, h, null);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 11));
            g.setStroke(new BasicStroke(2f));
            ImageBoxes truth = truths.get(i);
            for (int k = 0; k < truth.count(); k++) {
                double[] b = truth.box(k);
                box(g, b, zoom, 0, truth.classes()[k], null);
            }
            for (DetectedBox d : detected.get(i)) {
                if (d.score() >= MIN_SCORE) {
                    box(g, new double[] {d.x0(), d.y0(), d.x1(), d.y1()}, zoom, w + GAP, d.category() + 1,
                            String.format(Locale.ROOT, "%.2f", d.score()));
                }
            }
            g.dispose();
            drawings.add(new Drawing(panels, "true boxes, detections scoring " + MIN_SCORE + " or more", legend()));
        }
        return drawings;
    }

    private static void box(Graphics2D g, double[] b, int zoom, int offset, int cls, String label) {
        g.setColor(new Color(ClassPalette.colour(cls)));
        int x0 = (int) Math.round(b[0] * zoom) + offset;
        int y0 = (int) Math.round(b[1] * zoom);
        int x1 = (int) Math.round(b[2] * zoom) + offset;
        int y1 = (int) Math.round(b[3] * zoom);
        g.drawRect(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
        if (label != null) {
            int width = g.getFontMetrics().stringWidth(label) + 4;
            int top = Math.max(0, y0 - 13);
            g.fillRect(x0, top, width, 13);
            g.setColor(Color.WHITE);
            g.drawString(label, x0 + 2, top + 11);
        }
    }

    private Map<String, String> legend() {
        Map<String, String> legend = new LinkedHashMap<>();
        for (int c = 1; c < classNames.size(); c++) {
            legend.put(classNames.get(c), ClassPalette.hex(ClassPalette.colour(c)));
        }
        return legend;
    }
}
