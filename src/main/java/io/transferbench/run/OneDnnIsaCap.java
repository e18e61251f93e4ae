package io.transferbench.run;

import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;

import java.util.Map;
import java.util.Optional;

/**
 * Keeps libtorch's oneDNN off the AVX-512 convolution kernels on CPUs where they compute wrong
 * numbers. On an AMD EPYC of family 26 (Zen 5), libtorch 2.7.1's oneDNN gives speech_embedding's
 * 3x1 and 1x3 convolutions outputs that differ from OnnxRuntime's by up to 26 on values of about 40,
 * and NaN in some runs ({@code SpeechEmbeddingFidelityTest}); capped at AVX2 through oneDNN's own
 * {@code DNNL_MAX_CPU_ISA} they agree to 5e-5. The same test passes on Intel Xeons and on EPYCs of
 * family 25 (Zen 4) without the cap, so only the affected family is capped there: elsewhere the cap
 * would only cost speed. oneDNN reads the variable once, when libtorch loads, so it goes into the
 * environment of the worker processes; a value the user set wins.
 */
public final class OneDnnIsaCap {

    public static final String VARIABLE = "DNNL_MAX_CPU_ISA";
    static final String CAP = "AVX2";
    private static final String AMD = "AuthenticAMD";
    private static final String AFFECTED_FAMILY = "26";

    private OneDnnIsaCap() {
    }

    /** The variable to give an engine process on this machine: empty when none is needed or the user set it. */
    public static Map<String, String> environment() {
        if (System.getenv(VARIABLE) != null) {
            return Map.of();
        }
        CentralProcessor.ProcessorIdentifier cpu = new SystemInfo().getHardware().getProcessor()
                .getProcessorIdentifier();
        return needed(cpu.getVendor(), cpu.getFamily()) ? Map.of(VARIABLE, CAP) : Map.of();
    }

    /**
     * The cap as the processes that run cells see it, for the run's env.json: the user's own
     * value, or else the cap that workers get here; empty when neither applies.
     */
    public static Map<String, String> effective(boolean inWorkers) {
        String own = System.getenv(VARIABLE);
        if (own != null) {
            return Map.of(VARIABLE, own);
        }
        return inWorkers ? environment() : Map.of();
    }

    /** Why this process computes with the faulty kernels, when it does. */
    public static Optional<String> warningForThisProcess() {
        if (environment().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("this CPU's oneDNN AVX-512 convolutions give wrong results in libtorch 2.7.1 (see README, "
                + "'Known engine faults'); run the cells in workers (the default) or set " + VARIABLE + "=" + CAP
                + " before starting the harness");
    }

    static boolean needed(String vendor, String family) {
        return AMD.equals(vendor) && AFFECTED_FAMILY.equals(family);
    }
}
