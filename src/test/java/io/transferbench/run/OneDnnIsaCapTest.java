package io.transferbench.run;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which CPUs get oneDNN capped at AVX2, and that a user's own setting is left alone. */
class OneDnnIsaCapTest {

    @Test
    void onlyTheFamilyWhoseKernelsWereSeenWrongIsCapped() {
        assertTrue(OneDnnIsaCap.needed("AuthenticAMD", "26"), "EPYC Zen 5: speech_embedding off by 26");
        assertFalse(OneDnnIsaCap.needed("AuthenticAMD", "25"), "EPYC Zen 4: the fidelity test passes uncapped");
        assertFalse(OneDnnIsaCap.needed("GenuineIntel", "6"));
    }

    @Test
    void aValueSetByTheUserIsNotOverridden() {
        // the test JVM runs with DNNL_MAX_CPU_ISA=AVX2 (pom.xml), as a user who set it would
        assertEquals("AVX2", System.getenv(OneDnnIsaCap.VARIABLE));
        assertTrue(OneDnnIsaCap.environment().isEmpty());
        assertTrue(OneDnnIsaCap.warningForThisProcess().isEmpty());
        assertEquals("2", WorkerProtocol.environment(2).get("OMP_NUM_THREADS"));
    }
}
