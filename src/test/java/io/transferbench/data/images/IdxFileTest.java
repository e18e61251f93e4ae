package io.transferbench.data.images;

import io.transferbench.BenchException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gzip-compressed IDX files of (Fashion-)MNIST, and what a damaged one says. */
class IdxFileTest {

    @TempDir
    Path dir;

    @Test
    void readsImagesRowByRowAndLabels() throws IOException {
        Path images = write("images.gz", 0x00000803, new int[] {2, 2, 3}, new byte[] {0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, (byte) 255});
        Path labels = write("labels.gz", 0x00000801, new int[] {2}, new byte[] {9, 3});

        IdxFile.Images read = IdxFile.readImages(images);
        assertEquals(2, read.count());
        RasterImage second = read.image(1);
        assertEquals(3, second.width());
        assertEquals(2, second.height());
        assertEquals(1, second.channels());
        assertEquals(12, second.at(2, 0, 0));
        assertEquals(255, second.at(2, 1, 0));
        assertArrayEquals(new byte[] {9, 3}, IdxFile.readLabels(labels));
    }

    @Test
    void aLabelFileIsNotAnImageFile() throws IOException {
        Path labels = write("labels.gz", 0x00000801, new int[] {2}, new byte[] {9, 3});
        BenchException e = assertThrows(BenchException.class, () -> IdxFile.readImages(labels));
        assertTrue(e.getMessage().startsWith(labels + ": not an IDX file of rank-3"), e.getMessage());
    }

    @Test
    void aTruncatedFileSaysSo() throws IOException {
        Path images = write("short.gz", 0x00000803, new int[] {5, 2, 2}, new byte[7]);
        BenchException e = assertThrows(BenchException.class, () -> IdxFile.readImages(images));
        assertEquals(BenchException.EXIT_ASSET, e.exitCode());
        assertTrue(e.getMessage().contains("ends before the elements its header announces"), e.getMessage());
    }

    @Test
    void extraBytesAfterTheAnnouncedElementsAreRefused() throws IOException {
        Path labels = write("long.gz", 0x00000801, new int[] {2}, new byte[] {1, 2, 3});
        BenchException e = assertThrows(BenchException.class, () -> IdxFile.readLabels(labels));
        assertTrue(e.getMessage().contains("data continues after the [2] elements"), e.getMessage());
    }

    private Path write(String name, int magic, int[] dims, byte[] body) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(raw)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(body);
        }
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(raw.toByteArray());
        }
        return file;
    }
}
