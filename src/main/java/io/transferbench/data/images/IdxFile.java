package io.transferbench.data.images;

import io.transferbench.BenchException;
import io.transferbench.IoReason;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * LeCun's IDX format as MNIST and Fashion-MNIST ship it, gzip-compressed: a big-endian magic
 * number (two zero bytes, the element type 0x08 = unsigned byte, the number of dimensions), one
 * 32-bit size per dimension, then the elements.
 */
final class IdxFile {

    private static final int UNSIGNED_BYTE = 0x08;

    /** Greyscale images of one size: {@code pixels} holds {@code count} images of rows x cols. */
    record Images(int count, int rows, int cols, byte[] pixels) {

        RasterImage image(int index) {
            int n = rows * cols;
            byte[] one = new byte[n];
            System.arraycopy(pixels, index * n, one, 0, n);
            return new RasterImage(cols, rows, 1, one);
        }
    }

    private IdxFile() {
    }

    static Images readImages(Path file) {
        return read(file, 3, (in, dims) -> {
            byte[] pixels = new byte[Math.multiplyExact(Math.multiplyExact(dims[0], dims[1]), dims[2])];
            in.readFully(pixels);
            return new Images(dims[0], dims[1], dims[2], pixels);
        });
    }

    static byte[] readLabels(Path file) {
        return read(file, 1, (in, dims) -> {
            byte[] labels = new byte[dims[0]];
            in.readFully(labels);
            return labels;
        });
    }

    private interface Body<T> {
        T read(DataInputStream in, int[] dims) throws IOException;
    }

    private static <T> T read(Path file, int rank, Body<T> body) {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw), 1 << 16))) {
            int magic = in.readInt();
            if ((magic >>> 16) != 0 || ((magic >> 8) & 0xff) != UNSIGNED_BYTE || (magic & 0xff) != rank) {
                throw new BenchException(BenchException.EXIT_ASSET, file + ": not an IDX file of rank-" + rank
                        + " unsigned bytes (magic 0x" + Integer.toHexString(magic) + ", expected 0x00000"
                        + Integer.toHexString(UNSIGNED_BYTE << 8 | rank) + ")");
            }
            int[] dims = new int[rank];
            for (int i = 0; i < rank; i++) {
                dims[i] = in.readInt();
                if (dims[i] < 1) {
                    throw new BenchException(BenchException.EXIT_ASSET, file + ": dimension " + i + " is " + dims[i]);
                }
            }
            T value = body.read(in, dims);
            if (in.read() != -1) {
                throw new BenchException(BenchException.EXIT_ASSET, file + ": data continues after the "
                        + java.util.Arrays.toString(dims) + " elements its header announces");
            }
            return value;
        } catch (EOFException e) {
            throw new BenchException(BenchException.EXIT_ASSET, file + ": ends before the elements its header "
                    + "announces (truncated?)", e);
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_ASSET, file + ": cannot read IDX data: " + IoReason.of(e), e);
        }
    }
}
