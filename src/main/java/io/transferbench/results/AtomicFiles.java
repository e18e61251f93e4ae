package io.transferbench.results;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Writes a file so that a reader, or a process killed at any moment, sees either the old content
 * or the whole new content: write a temp file in the same directory, fsync, rename over.
 */
public final class AtomicFiles {

    /** Temp files start with this; a run directory's leftovers are cleaned at the next start. */
    public static final String TEMP_PREFIX = ".tmp-";

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {}

    /** Writes to a stream and flushes any buffer of its own; the stream is closed for it. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    /** The same, for content too large to hold in memory at once: streamed to the temp file. */
    public static void write(Path target, Content content) throws IOException {
        Path tmp = synced(target, content);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Writes the file only if none is there, atomically, so that of many processes racing to
     * create it exactly one wins and every reader sees that one's whole content.
     *
     * @return whether this call created the file
     */
    public static boolean writeIfAbsent(Path target, byte[] content) throws IOException {
        if (Files.exists(target)) {
            return false;
        }
        Path tmp = synced(target, out -> out.write(content));
        try {
            // a hard link, unlike a rename, fails when the name is taken
            Files.createLink(target, tmp);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException taken) {
            return false;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The content in a new temp file beside the target, forced to disk. */
    private static Path synced(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = tempFile(dir, target.getFileName().toString());
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
             OutputStream out = Channels.newOutputStream(ch)) {
            content.writeTo(out);
            out.flush();
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return tmp;
    }

    /**
     * A new, empty file created with the mode the umask gives (0644 under the usual umask 022).
     * {@code Files.createTempFile} would make it 0600, and the rename would carry that mode to
     * every record, CSV and report page.
     */
    private static Path tempFile(Path dir, String name) throws IOException {
        while (true) {
            Path candidate = dir.resolve(TEMP_PREFIX + name + "-" + HexFormat.of().toHexDigits(RANDOM.nextLong()));
            try {
                return Files.createFile(candidate);
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // another writer drew the same name: draw again
            }
        }
    }
}
