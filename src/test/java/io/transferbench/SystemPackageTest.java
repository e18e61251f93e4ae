package io.transferbench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A missing system package skips a test on a developer's machine and fails it in CI. */
class SystemPackageTest {

    @TempDir
    Path dir;

    @Test
    void aMissingProgramSkipsNamingItsPackage() {
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> SystemPackage.require(dir.resolve("chromium"), "chromium", Map.of()));
        assertTrue(e.getMessage().contains("install the Debian package 'chromium'"), e.getMessage());
    }

    @Test
    void underCiAMissingProgramFails() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> SystemPackage.require(dir.resolve("chromedriver"), "chromium-driver", Map.of("CI", "true")));
        assertTrue(e.getMessage().contains("'chromium-driver'") && e.getMessage().contains("CI=true"), e.getMessage());
    }

    @Test
    void aPresentProgramPasses() {
        assertDoesNotThrow(() -> SystemPackage.require(Path.of("/bin/sh"), "dash", Map.of("CI", "true")));
    }

    @Test
    void thePathComesFromThePropertyElseTheDebianDefault() {
        assertTrue(SystemPackage.path("transferbench.test-no-such-property", "/usr/bin/x").equals(Path.of("/usr/bin/x")));
        System.setProperty("transferbench.test-program", "/opt/x");
        try {
            assertTrue(SystemPackage.path("transferbench.test-program", "/usr/bin/x").equals(Path.of("/opt/x")));
        } finally {
            System.clearProperty("transferbench.test-program");
        }
    }
}
