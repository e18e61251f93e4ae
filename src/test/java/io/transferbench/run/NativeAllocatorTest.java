package io.transferbench.run;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NativeAllocatorTest {

    @Test
    void workersGetEveryTunableUnlessTheUserSetItFirst() {
        Map<String, String> workers = WorkerProtocol.environment(2);
        NativeAllocator.TUNABLES.forEach((name, value) ->
                assertEquals(System.getenv().getOrDefault(name, value), workers.get(name), name));
        assertEquals(NativeAllocator.environment(), NativeAllocator.effective(true));
    }

    @Test
    void theMmapThresholdIsOneGlibcAccepts() {
        // glibc ignores a threshold above half its 64 MiB heap size, silently
        long threshold = Long.parseLong(NativeAllocator.TUNABLES.get("MALLOC_MMAP_THRESHOLD_"));
        assertTrue(threshold <= 32L << 20, "at most 32 MiB");
        assertTrue(Long.parseLong(NativeAllocator.TUNABLES.get("MALLOC_TRIM_THRESHOLD_")) > threshold);
    }
}
