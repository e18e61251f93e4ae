package io.transferbench.data.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/** Audio files as fixed-length 16 kHz clips, and the identity of a clip's content, for every audio dataset. */
final class ClipFiles {

    static final int SAMPLE_RATE = 16_000;

    private ClipFiles() {}

    /** The first {@code length} samples at 16 kHz, zero-padded; empty when the file cannot be decoded. */
    static Optional<float[]> clip(Path file, int length) {
        try {
            Waveform w = AudioDecoder.read(file);
            float[] resampled = Resampler.resample(w.samples(), w.sampleRate(), SAMPLE_RATE, length);
            return Optional.of(Arrays.copyOf(resampled, length));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** sha256 of the clip's samples: identical audio, whatever file it came from. */
    static String digest(float[] clip) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            ByteBuffer bytes = ByteBuffer.allocate(clip.length * 4);
            for (float v : clip) {
                bytes.putFloat(v);
            }
            return HexFormat.of().formatHex(sha.digest(bytes.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
