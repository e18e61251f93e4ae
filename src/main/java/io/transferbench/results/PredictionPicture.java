package io.transferbench.results;

import java.util.Map;

/**
 * A picture of a cell's predictions, kept beside its record.
 *
 * @param file the PNG, relative to the run directory
 * @param caption what it shows
 * @param legend the colours it uses: meaning to {@code #rrggbb}
 */
public record PredictionPicture(String file, String caption, Map<String, String> legend) {

    /** Where a cell's pictures live, relative to the run directory. */
    public static String directoryOf(String cellId) {
        return "cells/" + cellId;
    }
}
