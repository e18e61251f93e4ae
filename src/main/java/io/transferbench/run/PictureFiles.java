package io.transferbench.run;

import io.transferbench.results.PredictionPicture;
import io.transferbench.tasks.Drawing;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A cell's drawings as PNG files in its own directory beside its record, and as the record lists them. */
final class PictureFiles {

    private PictureFiles() {}

    static List<PredictionPicture> describe(String cellId, List<Drawing> drawings) {
        List<PredictionPicture> pictures = new ArrayList<>();
        for (int i = 0; i < drawings.size(); i++) {
            pictures.add(new PredictionPicture(file(cellId, i), drawings.get(i).caption(), drawings.get(i).legend()));
        }
        return pictures;
    }

    /** File path relative to the run directory, to PNG bytes. */
    static Map<String, byte[]> encode(String cellId, List<Drawing> drawings) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < drawings.size(); i++) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            try {
                if (!ImageIO.write(drawings.get(i).image(), "png", png)) {
                    throw new IllegalStateException("this JVM has no PNG writer");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            files.put(file(cellId, i), png.toByteArray());
        }
        return files;
    }

    private static String file(String cellId, int i) {
        return PredictionPicture.directoryOf(cellId) + "/test-" + i + ".png";
    }
}
