package io.transferbench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** File errors say why they happened, not only where. */
class IoReasonTest {

    @Test
    void theExceptionsClassBecomesTheReason() {
        assertEquals("permission denied (/ro/x)", IoReason.of(new AccessDeniedException("/ro/x")));
        assertEquals("no such file or directory (/gone)", IoReason.of(new NoSuchFileException("/gone")));
        assertEquals("not a directory (/f)", IoReason.of(new NotDirectoryException("/f")));
    }

    @Test
    void theOperatingSystemsReasonIsKept() {
        assertEquals("Read-only file system (/mnt/a -> /mnt/b)",
                IoReason.of(new FileSystemException("/mnt/a", "/mnt/b", "Read-only file system")));
        assertEquals("disk on fire", IoReason.of(new IOException("disk on fire")));
        assertEquals("permission denied (/p)", IoReason.of(new UncheckedIOException(new AccessDeniedException("/p"))));
    }
}
