package io.transferbench.data.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Duplicate, conflicting, silent and missing samples on small generated kits: the real kits have
 * no audio shared between kits, so the rule that drops such copies is pinned here.
 */
class DrumKitHygieneTest {

    @TempDir
    Path root;

    @Test
    void audioSharedByTwoKitsIsDroppedFromBoth() throws Exception {
        kit("A", Map.of("Kick", "kick.wav", "Snare", "shared.wav"));
        kit("B", Map.of("Snare", "shared-copy.wav", "Tom", "tom.wav"));
        wav(root.resolve("A/kick.wav"), 100);
        wav(root.resolve("A/shared.wav"), 200);
        wav(root.resolve("B/shared-copy.wav"), 200);
        wav(root.resolve("B/tom.wav"), 300);
        Map<String, Long> counts = new LinkedHashMap<>();
        List<DrumSample> samples = DrumKitsDataset.read(root, 16_000, counts);
        assertEquals(List.of("kick.wav", "tom.wav"), samples.stream().map(DrumSample::file).toList());
        assertEquals(2L, counts.get("dropped-duplicates-across-kits"));
    }

    @Test
    void conflictingSilentMissingAndUnlabelledFilesAreCountedNotKept() throws Exception {
        kit("A", Map.of("Kick", "both.wav", "Snare", "both.wav", "Tom", "quiet.wav", "Crash", "gone.wav",
                "Zap", "zap.wav", "Ride", "ride.wav"));
        wav(root.resolve("A/both.wav"), 100);
        wav(root.resolve("A/quiet.wav"), 0);
        wav(root.resolve("A/zap.wav"), 400);
        wav(root.resolve("A/ride.wav"), 500);
        Map<String, Long> counts = new LinkedHashMap<>();
        List<DrumSample> samples = DrumKitsDataset.read(root, 16_000, counts);
        assertEquals(List.of("ride.wav"), samples.stream().map(DrumSample::file).toList());
        assertEquals(DrumClasses.NAMES.indexOf("cymbal"), samples.get(0).label());
        assertEquals(1L, counts.get("dropped-conflicting-labels"));
        assertEquals(1L, counts.get("skipped-silent"));
        assertEquals(1L, counts.get("skipped-missing-files"));
        assertEquals(1L, counts.get("unlabelled-instrument-files"));
    }

    private void kit(String name, Map<String, String> instruments) throws Exception {
        Path dir = Files.createDirectories(root.resolve(name));
        StringBuilder xml = new StringBuilder("<drumkit_info><name>" + name + "</name><instrumentList>");
        new java.util.TreeMap<>(instruments).forEach((instrument, file) -> xml.append("<instrument><name>")
                .append(instrument).append("</name><layer><filename>").append(file)
                .append("</filename></layer></instrument>"));
        Files.writeString(dir.resolve(DrumKit.DESCRIPTOR), xml.append("</instrumentList></drumkit_info>"));
    }

    /** A 0.5 s 16-bit 44.1 kHz WAV of a decaying tone at {@code hertz} (0: silence). */
    private static void wav(Path file, int hertz) throws Exception {
        int n = 22_050;
        byte[] pcm = new byte[2 * n];
        for (int i = 0; i < n; i++) {
            short v = (short) (hertz == 0 ? 0 : 12_000 * Math.exp(-i / 4000.0) * Math.sin(2 * Math.PI * hertz * i / 44_100.0));
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        AudioFormat format = new AudioFormat(44_100, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, n)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }
}
