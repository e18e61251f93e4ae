package io.transferbench.results;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
