package io.transferbench.results;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * glibc's {@code malloc_trim}: hands the free memory of the native heap back to the kernel. The
 * processes that run cells keep freed memory mapped between batches ({@code run.NativeAllocator});
 * trimmed at each cell's start, one cell's leftovers do not count in the next cell's peak.
 */
public final class NativeHeap {

    private interface GlibcMalloc extends Library {
        int malloc_trim(long pad);
    }

    private static final GlibcMalloc LIBC = load();

    private NativeHeap() {
    }

    /** Trims the heap; false where there is no glibc to ask (another libc, another OS). */
    public static boolean trim() {
        if (LIBC == null) {
            return false;
        }
        try {
            LIBC.malloc_trim(0);
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    private static GlibcMalloc load() {
        try {
            return Native.load("c", GlibcMalloc.class);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }
}
