package io.transferbench.tasks;

import java.awt.image.BufferedImage;
import java.util.Map;

/**
 * A picture of what a head predicted for one example, for the run report.
 *
 * @param caption what the picture shows, in a few words
 * @param legend the colours it uses: meaning to {@code #rrggbb}, in display order
 */
public record Drawing(BufferedImage image, String caption, Map<String, String> legend) {

    public Drawing {
        legend = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(legend));
    }
}
