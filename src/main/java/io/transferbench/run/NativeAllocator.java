package io.transferbench.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps glibc's malloc from handing each freed activation back to the kernel in the processes
 * that run cells. libtorch allocates every op's output with malloc and frees it when the next op
 * has consumed it; by default glibc returns blocks above its adaptive mmap threshold, and the top
 * of a heap beyond its trim threshold, to the kernel, so every batch faults the same memory in
 * again, page by page and zeroed: about 15,000 page faults per MobileNetV2 evaluation batch in
 * PyTorch eager on the Xeon of the README, and the same in the harness once it freed
 * intermediates eagerly. Fixed thresholds (32 MiB, glibc's largest mmap threshold; trimming only
 * beyond 16 GiB) and one arena for all threads keep that memory mapped and reused; the values do
 * not change a single result, only time, and each can be overridden by setting it.
 */
public final class NativeAllocator {

    static final Map<String, String> TUNABLES = tunables();

    private NativeAllocator() {
    }

    private static Map<String, String> tunables() {
        Map<String, String> tunables = new LinkedHashMap<>();
        tunables.put("MALLOC_MMAP_THRESHOLD_", Long.toString(32L << 20));
        tunables.put("MALLOC_TRIM_THRESHOLD_", Long.toString(16L << 30));
        tunables.put("MALLOC_ARENA_MAX", "1");
        return Map.copyOf(tunables);
    }

    /** The tunables an engine process gets here: those the user has not set. */
    public static Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        TUNABLES.forEach((name, value) -> environment.put(name, System.getenv().getOrDefault(name, value)));
        return environment;
    }

    /** The tunables as the processes that run cells see them, for the run's env.json. */
    public static Map<String, String> effective(boolean inWorkers) {
        if (inWorkers) {
            return environment();
        }
        Map<String, String> own = new LinkedHashMap<>();
        TUNABLES.keySet().stream().filter(name -> System.getenv(name) != null)
                .forEach(name -> own.put(name, System.getenv(name)));
        return own;
    }

    /** Prints the tunables as NAME=VALUE lines, for benchmarks run outside workers (scripts/peer/pair). */
    public static void main(String[] args) {
        environment().forEach((name, value) -> System.out.println(name + "=" + value));
    }
}
