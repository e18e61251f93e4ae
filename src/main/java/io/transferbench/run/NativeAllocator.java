package io.transferbench.run;

import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps glibc's malloc from handing each freed activation back to the kernel in the processes
 * that run cells. libtorch allocates every op's output with malloc and frees it when the next op
 * has consumed it; by default glibc maps blocks above its adaptive threshold (at most 32 MiB)
 * with mmap and unmaps them on free, and returns the top of a heap beyond its trim threshold, so
 * every batch faults the same memory in again, page by page and zeroed: about 15,000 page faults
 * per MobileNetV2 evaluation batch in PyTorch eager on the Xeon of the README, and 57,000 per
 * MiniLM-L6 training step in the harness (its 47 MB word-embedding gradient and the optimizer's
 * temporaries of that size are above any threshold). No mmap at all, trimming only beyond
 * 16 GiB, and one arena for all threads keep that memory mapped and reused; the values do not
 * change a single result, only time, and each can be overridden by setting it.
 */
public final class NativeAllocator {

    static final Map<String, String> TUNABLES = Map.of(
            "MALLOC_MMAP_MAX_", "0",
            "MALLOC_TRIM_THRESHOLD_", Long.toString(16L << 30),
            "MALLOC_ARENA_MAX", "1");

    private NativeAllocator() {
    }

    /** The tunables an engine process gets here: the user's own value where one is set. */
    public static Map<String, String> environment() {
        Map<String, String> environment = new TreeMap<>();
        TUNABLES.forEach((name, value) -> environment.put(name, System.getenv().getOrDefault(name, value)));
        return environment;
    }

    /** The tunables as the processes that run cells see them, for the run's env.json. */
    public static Map<String, String> effective(boolean inWorkers) {
        if (inWorkers) {
            return environment();
        }
        Map<String, String> own = new TreeMap<>();
        TUNABLES.keySet().stream().filter(name -> System.getenv(name) != null)
                .forEach(name -> own.put(name, System.getenv(name)));
        return own;
    }

    /** Prints the tunables as NAME=VALUE lines, for benchmarks run outside workers (scripts/peer/pair). */
    public static void main(String[] args) {
        environment().forEach((name, value) -> System.out.println(name + "=" + value));
    }
}
