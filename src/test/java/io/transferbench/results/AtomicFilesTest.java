package io.transferbench.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Atomic writes leave whole files, no temp files, and the mode any new file gets under the umask. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writtenFilesGetTheUmasksModeLikeAnyNewFileNotTempFileMode() throws Exception {
        Path plain = Files.createFile(dir.resolve("plain"));
        Path written = dir.resolve("sub/record.json");
        AtomicFiles.write(written, "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written));
        AtomicFiles.write(written, "{\"again\":1}".getBytes(StandardCharsets.UTF_8));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(written), "on overwrite too");
        assertEquals("{\"again\":1}", Files.readString(written));
        try (Stream<Path> files = Files.list(written.getParent())) {
            assertTrue(files.allMatch(f -> f.equals(written)), "no temp file left");
        }
    }

    @Test
    void ofWritersRacingToCreateAFileExactlyOneWinsAndNoneOverwrites() throws Exception {
        Path target = dir.resolve("env.json");
        java.util.List<java.util.concurrent.Future<Boolean>> racers = new java.util.ArrayList<>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        for (int i = 0; i < 16; i++) {
            byte[] content = ("writer " + i).getBytes(StandardCharsets.UTF_8);
            racers.add(pool.submit(() -> AtomicFiles.writeIfAbsent(target, content)));
        }
        int won = 0;
        for (var racer : racers) {
            won += racer.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(1, won);
        assertTrue(Files.readString(target).matches("writer \\d+"), "one writer's whole content");
        assertFalse(AtomicFiles.writeIfAbsent(target, "late".getBytes(StandardCharsets.UTF_8)));
        assertTrue(Files.readString(target).startsWith("writer"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(java.util.List.of(target), files.toList(), "no temp file left");
        }
    }
}
