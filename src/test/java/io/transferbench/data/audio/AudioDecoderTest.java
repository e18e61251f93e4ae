package io.transferbench.data.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.transferbench.LockedAssets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Decoding to mono floats: PCM layouts written here, and the kits' real FLAC, WAV and AIFF files. */
class AudioDecoderTest {

    @TempDir
    Path dir;

    @Test
    void stereo24BitBigEndianAiffIsAveragedToMono() throws Exception {
        // left +0.5, right -0.25 in 24-bit: mono 0.125
        byte[] frame = {0x40, 0x00, 0x00, (byte) 0xE0, 0x00, 0x00};
        byte[] pcm = new byte[frame.length * 10];
        for (int i = 0; i < 10; i++) {
            System.arraycopy(frame, 0, pcm, i * frame.length, frame.length);
        }
        Path file = dir.resolve("t.aiff");
        AudioFormat format = new AudioFormat(48_000, 24, 2, true, true);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, 10)) {
            AudioSystem.write(in, AudioFileFormat.Type.AIFF, file.toFile());
        }
        Waveform w = AudioDecoder.read(file);
        assertEquals(48_000, w.sampleRate());
        assertEquals(10, w.samples().length);
        assertEquals(0.125f, w.samples()[3], 1e-6f);
    }

    @Test
    void realKitFilesOfEveryFormatDecode() throws Exception {
        Path kits = LockedAssets.fetched("hydrogen-drumkits").resolve("usr/share/hydrogen/data/drumkits");
        Waveform flac = AudioDecoder.read(kits.resolve("rumpf_kit_z01_h2/beats_01-10.flac"));
        assertEquals(48_000, flac.sampleRate());
        assertEquals(29_999, flac.samples().length, "as the FLAC STREAMINFO says");
        Waveform wav = AudioDecoder.read(kits.resolve("ForzeeStereo/AgogoHigh-0.wav"));
        assertEquals(48_000, wav.sampleRate());
        Waveform aiff = AudioDecoder.read(kits.resolve("BJA_Pacific/BD_01.aiff"));
        assertEquals(44_100, aiff.sampleRate());
        for (Waveform w : new Waveform[] {flac, wav, aiff}) {
            assertTrue(w.peak() > 0.01 && w.peak() <= 1.0, "peak " + w.peak());
        }
    }

    @Test
    void aFileThatIsNotAudioFailsNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.wav"), "not audio");
        IOException e = assertThrows(IOException.class, () -> AudioDecoder.read(file));
        assertTrue(e.getMessage().contains("notes.wav"), e.getMessage());
    }
}
