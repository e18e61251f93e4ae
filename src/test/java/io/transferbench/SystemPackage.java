package io.transferbench;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * A program from a Debian package that a test needs. Where it is missing the test is skipped with
 * a message naming the package (a developer without root can still run the rest), but under
 * {@code CI=true} it fails: CI installs the packages, so a skip there would hide a broken set-up.
 */
public final class SystemPackage {

    private SystemPackage() {}

    /**
     * The program's path: the system property {@code property}, else the environment variable
     * of the same name in upper case with '_' for '.', else the Debian default.
     */
    public static Path path(String property, String debianDefault) {
        String configured = System.getProperty(property);
        if (configured == null) {
            configured = System.getenv(property.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return Path.of(configured != null && !configured.isBlank() ? configured : debianDefault);
    }

    /** Skips (or under CI=true fails) the calling test unless {@code program} is executable. */
    public static void require(Path program, String debianPackage) {
        require(program, debianPackage, System.getenv());
    }

    static void require(Path program, String debianPackage, Map<String, String> environment) {
        if (Files.isExecutable(program)) {
            return;
        }
        String message = program + " is missing: install the Debian package '" + debianPackage
                + "' (scripts/test installs it when run as root)";
        if ("true".equalsIgnoreCase(environment.get("CI"))) {
            Assertions.fail(message + "; CI=true, so this is a failure, not a skip");
        }
        // surefire's console summary counts skips without their reasons; say it where people look
        System.err.println("skipped: " + message);
        Assumptions.abort(message);
    }
}
