package io.transferbench.results;

import com.sun.jna.Memory;
import io.transferbench.run.NativeAllocator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under the workers' allocator settings freed native memory stays resident until trimmed, which
 * is what a cell's peak would otherwise inherit from the cells before it.
 */
class NativeHeapTest {

    private static final long BLOCK = 256L << 20;

    @Test
    void trimmingHandsFreedNativeMemoryBack() throws IOException, InterruptedException {
        ProcessBuilder child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), Child.class.getName());
        child.environment().putAll(NativeAllocator.environment());
        Process process = child.redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, process.waitFor(), out);
        List<Long> resident = java.util.Arrays.stream(out.split("\\s+")).map(Long::parseLong).toList();
        long freedButKept = resident.get(1) - resident.get(0);
        long afterTrim = resident.get(2) - resident.get(0);
        assertTrue(freedButKept > BLOCK / 2, "freed memory stays resident: " + out);
        assertTrue(afterTrim < BLOCK / 8, "trimmed, it goes: " + out);
    }

    /** Prints resident bytes before, after allocating, touching and freeing a block, and after trimming. */
    public static final class Child {
        public static void main(String[] args) {
            long before = MemoryProbe.residentBytes();
            Memory block = new Memory(BLOCK);
            block.setMemory(0, BLOCK, (byte) 1);
            block.close();
            long freed = MemoryProbe.residentBytes();
            if (!NativeHeap.trim()) {
                throw new IllegalStateException("no glibc malloc_trim");
            }
            System.out.println(before + " " + freed + " " + MemoryProbe.residentBytes());
        }
    }
}
