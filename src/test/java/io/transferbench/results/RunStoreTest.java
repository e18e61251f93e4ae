package io.transferbench.results;

import io.transferbench.BenchException;
import io.transferbench.TestSuites;
import io.transferbench.suite.ResolvedSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run directory resumes only the same configuration on the same hardware. */
class RunStoreTest {

    @TempDir
    Path dir;

    private static EnvironmentInfo env(String cpu) {
        return new EnvironmentInfo("now", "host", "linux", cpu, 2, 2, 1L << 34, "jvm", "0.36.0", "PyTorch", "2.7.1",
                2, "cpu", List.of(), null, "0.1", "abc");
    }

    @Test
    void reopeningWithTheSameSuiteResumes() {
        ResolvedSuite suite = TestSuites.load(dir, TestSuites.BASE);
        RunStore.open(dir.resolve("run"), suite, env("cpu-a"));
        assertDoesNotThrow(() -> RunStore.open(dir.resolve("run"), TestSuites.load(dir, TestSuites.BASE), env("cpu-a")));
    }

    @Test
    void aChangedConfigurationIsRefusedInsteadOfMixedIn() {
        RunStore.open(dir.resolve("run"), TestSuites.load(dir, TestSuites.BASE), env("cpu-a"));
        ResolvedSuite changed = TestSuites.load(dir, TestSuites.BASE, "training.batch-size=8");
        BenchException e = assertThrows(BenchException.class, () -> RunStore.open(dir.resolve("run"), changed, env("cpu-a")));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().contains("different configuration"), e.getMessage());
    }

    @Test
    void otherHardwareIsRefused() {
        RunStore.open(dir.resolve("run"), TestSuites.load(dir, TestSuites.BASE), env("cpu-a"));
        BenchException e = assertThrows(BenchException.class,
                () -> RunStore.open(dir.resolve("run"), TestSuites.load(dir, TestSuites.BASE), env("cpu-b")));
        assertTrue(e.getMessage().contains("other hardware"), e.getMessage());
    }

    @Test
    void leftoverTempFilesFromAKilledWriteAreRemovedAndNeverReadAsRecords() throws Exception {
        Path run = dir.resolve("run");
        RunStore.open(run, TestSuites.load(dir, TestSuites.BASE), env("cpu-a"));
        Path partial = run.resolve("cells").resolve(AtomicFiles.TEMP_PREFIX + "abc.json-123");
        Files.writeString(partial, "{\"cell_id\": \"abc\", \"sta");
        RunStore store = RunStore.open(run, TestSuites.load(dir, TestSuites.BASE), env("cpu-a"));
        assertFalse(Files.exists(partial));
        assertTrue(store.records().isEmpty());
    }
}
