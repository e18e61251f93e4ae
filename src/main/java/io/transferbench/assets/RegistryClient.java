package io.transferbench.assets;

import io.transferbench.IoReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A registry's own command-line client, run as a child process to download one package file.
 * The executable is configurable so a different installation (or, in tests, a fake or a missing
 * one) can be used.
 *
 * @param tool what the user calls it, e.g. {@code npm}
 * @param executable the program to run: a name looked up on PATH or a path
 * @param installHint the Debian package that provides the client
 * @param arguments the arguments after the executable for a package
 * @param fileSuffix how the downloaded file's name ends
 * @param notFound matches the client's output when the package or version does not exist
 * @param networkDown matches the client's output when the registry cannot be reached
 * @param timeout how long one download may take
 */
public record RegistryClient(String tool, String executable, String installHint,
        Function<PackageSource, List<String>> arguments, String fileSuffix, Pattern notFound,
        Pattern networkDown, Duration timeout) {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);
    private static final int MESSAGE_LINES = 12;

    public static RegistryClient npm(String executable) {
        return new RegistryClient("npm", executable, "npm",
                s -> List.of("pack", s.coordinates(), "--ignore-scripts"), ".tgz",
                Pattern.compile("E404|404 Not Found|ETARGET|No matching version|is not in this registry"),
                Pattern.compile("ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|network"),
                DEFAULT_TIMEOUT);
    }

    public static RegistryClient debian(String executable) {
        return new RegistryClient("apt-get", executable, "apt",
                s -> List.of("download", s.coordinates()), ".deb",
                Pattern.compile("Unable to locate package|Version '.*' for '.*' was not found|Can't select"),
                Pattern.compile("Temporary failure resolving|Could not resolve|Failed to fetch|Could not connect"
                        + "|Network is unreachable|Connection failed"),
                DEFAULT_TIMEOUT);
    }

    public static RegistryClient maven(String executable) {
        return new RegistryClient("mvn", executable, "maven",
                s -> List.of("-q", "-B", "dependency:copy", "-Dartifact=" + s.coordinates(),
                        "-DoutputDirectory=."), ".jar",
                Pattern.compile("Could not find artifact|was not found in|Failure to find"),
                Pattern.compile("UnknownHost|Could not transfer|Connection refused|Network is unreachable"
                        + "|Connect timed out|No route to host"),
                DEFAULT_TIMEOUT);
    }

    public RegistryClient withTimeout(Duration newTimeout) {
        return new RegistryClient(tool, executable, installHint, arguments, fileSuffix, notFound, networkDown,
                newTimeout);
    }

    /**
     * Downloads the package into {@code dir} (created if needed) and returns the file.
     *
     * @throws AssetException when the client is missing, fails, times out or writes no file
     */
    public Path download(PackageSource source, Path dir) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(arguments.apply(source));
        String shown = tool + " " + String.join(" ", arguments.apply(source));
        try {
            Files.createDirectories(dir);
            Path log = dir.resolveSibling(dir.getFileName() + ".log");
            Process process;
            try {
                process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                throw new AssetException("cannot run '" + executable + "' for " + source + ": " + tool
                        + " is not installed or not on PATH; install the Debian package '" + installHint + "'", e);
            }
            boolean finished;
            try {
                finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new AssetException("interrupted while running " + shown, e);
            }
            if (!finished) {
                process.destroyForcibly();
                throw new AssetException(shown + " timed out after " + timeout.toSeconds() + " s: " + tail(log));
            }
            String output = tail(log);
            if (process.exitValue() != 0) {
                throw new AssetException(failure(source, output) + " (" + shown + " exited with "
                        + process.exitValue() + "):\n" + output);
            }
            return downloadedFile(dir, shown, output);
        } catch (IOException e) {
            throw new AssetException("cannot download " + source + ": " + IoReason.of(e), e);
        }
    }

    private String failure(PackageSource source, String output) {
        if (networkDown.matcher(output).find()) {
            return "cannot reach the " + source.registry().prefix() + " registry for " + source + " (network down?)";
        }
        if (notFound.matcher(output).find()) {
            String hint = source.registry() == PackageSource.Registry.DEBIAN
                    ? "; if the package list is empty, run 'apt-get update' once" : "";
            return "package or version not found: " + source + hint;
        }
        return "cannot download " + source;
    }

    private Path downloadedFile(Path dir, String shown, String output) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().endsWith(fileSuffix)).toList();
            if (found.size() != 1) {
                throw new AssetException(shown + " succeeded but left " + found.size() + " '" + fileSuffix
                        + "' files instead of one:\n" + output);
            }
            return found.get(0);
        }
    }

    /** The last lines the client printed, without npm's configuration warnings, for messages. */
    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("npm warn")).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - MESSAGE_LINES), lines.size()));
    }
}
