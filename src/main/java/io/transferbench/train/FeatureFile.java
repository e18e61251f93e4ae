package io.transferbench.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The feature store's file format, streamed a block of rows at a time: the outputs of early
 * stages run to a gigabyte an entry, and encoding one whole (as DJL's {@code NDList.encode}
 * does) held several copies of it on the Java heap, which the JVM kept committed after the cell.
 * Layout: magic, byte order, split count; per split its array count; per array its data type,
 * rank, dimensions, then the raw elements in that byte order.
 */
final class FeatureFile {

    /** "TBF3": streamed raw arrays; "TBF2" was DJL's NDList encoding. */
    static final int MAGIC = 0x54424633;
    /** Rows go through memory this many bytes at a time (at least one row). */
    private static final long BLOCK_BYTES = 16L << 20;
    private static final int COPY_BYTES = 1 << 20;

    private FeatureFile() {}

    static void write(List<NDList> splits, DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeUTF(ByteOrder.nativeOrder().toString());
        out.writeInt(splits.size());
        byte[] copy = new byte[COPY_BYTES];
        for (NDList split : splits) {
            out.writeInt(split.size());
            for (NDArray array : split) {
                Shape shape = array.getShape();
                if (shape.dimension() == 0) {
                    throw new IllegalArgumentException("features have an example axis; got a scalar");
                }
                out.writeUTF(array.getDataType().name());
                out.writeInt(shape.dimension());
                for (long d : shape.getShape()) {
                    out.writeLong(d);
                }
                long rows = shape.get(0);
                long perBlock = rowsPerBlock(shape, array.getDataType());
                for (long start = 0; start < rows; start += perBlock) {
                    try (NDScope block = new NDScope()) {
                        NDArray part = array.get(new NDIndex("{}:{}", start, Math.min(rows, start + perBlock)));
                        NDArray host = part.getDevice().equals(Device.cpu()) ? part : part.toDevice(Device.cpu(), false);
                        // a view of the tensor's memory, valid while the block's arrays are open
                        ByteBuffer data = host.toByteBuffer(true);
                        while (data.hasRemaining()) {
                            int n = Math.min(copy.length, data.remaining());
                            data.get(copy, 0, n);
                            out.write(copy, 0, n);
                        }
                    }
                }
            }
        }
    }

    /**
     * The splits, as arrays of {@code manager}; never more bytes than {@code limit}, the file's
     * size, so that a damaged header cannot ask for an absurd allocation.
     */
    static List<NDList> read(DataInputStream in, NDManager manager, long limit) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a feature cache entry of this version");
        }
        if (!ByteOrder.nativeOrder().toString().equals(in.readUTF())) {
            throw new IOException("written with another byte order");
        }
        int count = in.readInt();
        List<NDList> splits = new ArrayList<>();
        byte[] copy = new byte[COPY_BYTES];
        ByteBuffer staging = null;
        long budget = limit;
        for (int s = 0; s < count; s++) {
            int arrays = in.readInt();
            NDList split = new NDList();
            splits.add(split);
            for (int a = 0; a < arrays; a++) {
                DataType type = DataType.valueOf(in.readUTF());
                int rank = in.readInt();
                if (rank < 1 || rank > 8) {
                    throw new IOException("an array of rank " + rank);
                }
                long[] dims = new long[rank];
                for (int i = 0; i < rank; i++) {
                    dims[i] = in.readLong();
                }
                Shape shape = new Shape(dims);
                long bytes = byteSize(dims, type);
                if (bytes < 0 || bytes > budget) {
                    throw new IOException("an array of " + shape + " does not fit in the file");
                }
                budget -= bytes;
                NDArray array = manager.create(shape, type);
                split.add(array);
                long perBlock = rowsPerBlock(shape, type);
                long rowBytes = dims[0] == 0 ? 0 : bytes / dims[0];
                if (staging == null || staging.capacity() < perBlock * rowBytes) {
                    staging = ByteBuffer.allocateDirect((int) Math.max(1, perBlock * rowBytes))
                            .order(ByteOrder.nativeOrder());
                }
                for (long start = 0; start < dims[0]; start += perBlock) {
                    long end = Math.min(dims[0], start + perBlock);
                    staging.clear();
                    for (long left = (end - start) * rowBytes; left > 0; ) {
                        int n = (int) Math.min(copy.length, left);
                        in.readFully(copy, 0, n);
                        staging.put(copy, 0, n);
                        left -= n;
                    }
                    staging.flip();
                    long[] blockDims = dims.clone();
                    blockDims[0] = end - start;
                    try (NDScope block = new NDScope()) {
                        // on CPU a view of the staging buffer (DJL wraps direct buffers); copied into place
                        array.set(new NDIndex("{}:{}", start, end), manager.create(staging, new Shape(blockDims), type));
                    }
                }
            }
        }
        return splits;
    }

    /** -1 for a negative dimension or a size beyond a long. */
    private static long byteSize(long[] dims, DataType type) {
        long bytes = type.getNumOfBytes();
        try {
            for (long d : dims) {
                if (d < 0) {
                    return -1;
                }
                bytes = Math.multiplyExact(bytes, d);
            }
        } catch (ArithmeticException tooLarge) {
            return -1;
        }
        return bytes;
    }

    private static long rowsPerBlock(Shape shape, DataType type) {
        long rowBytes = shape.slice(1).size() * type.getNumOfBytes();
        return Math.max(1, BLOCK_BYTES / Math.max(1, rowBytes));
    }
}
