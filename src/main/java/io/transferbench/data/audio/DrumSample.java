package io.transferbench.data.audio;

import java.util.List;

/**
 * One labelled one-shot of a kit: its file, the instruments of the kit that play it (a file may
 * serve several, e.g. "Tom Hi" and "tomhi2"), its class, and the first {@code clip} samples at
 * 16 kHz (zero-padded when the recording is shorter).
 *
 * @param digest sha256 of the clip's samples, so identical audio is found whatever its file
 */
public record DrumSample(String kit, String file, List<String> instruments, int label, float[] clip, String digest) {

    public DrumSample {
        instruments = List.copyOf(instruments);
    }
}
