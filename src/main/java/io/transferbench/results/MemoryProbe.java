package io.transferbench.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak resident memory of this process per cell, native allocations (PyTorch) included. Linux
 * keeps the peak in {@code VmHWM}; writing 5 to {@code /proc/self/clear_refs} resets it, so
 * each cell gets its own peak even though cells share one process.
 */
public final class MemoryProbe {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private final boolean resettable;

    public MemoryProbe() {
        this.resettable = Files.isWritable(CLEAR_REFS) && Files.isReadable(STATUS);
    }

    /**
     * Starts a new measurement window, from a collected Java heap and a native heap trimmed of
     * what earlier cells freed. The collection matters as much as the trim: tensors DJL makes from
     * Java buffers (every batch's inputs) live in direct buffers until a collection frees them,
     * and a full collection lets the JVM give back heap an earlier cell grew. Without it, the same
     * cells peaked 1-1.7 GB higher after other cells than first in a worker.
     */
    public void reset() {
        System.gc();
        NativeHeap.trim();
        if (resettable) {
            try {
                Files.writeString(CLEAR_REFS, "5");
            } catch (IOException e) {
                // Peak since process start is still a valid, if looser, upper bound.
            }
        }
    }

    /** Peak resident bytes since the last reset, or null where the OS does not tell. */
    public Long peakBytes() {
        return status("VmHWM:");
    }

    /** Resident bytes now, or null where the OS does not tell. */
    public static Long residentBytes() {
        return status("VmRSS:");
    }

    private static Long status(String field) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(field)) {
                    String[] parts = line.trim().split("\\s+");
                    return Long.parseLong(parts[1]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
