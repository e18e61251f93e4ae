package io.transferbench.weights;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads ONNX initializers and nodes straight from the protobuf wire format: only the handful of
 * fields needed, no generated classes. The file is memory-mapped and {@code raw_data} is aliased,
 * so a 90 MB model is copied once, into the float arrays.
 */
public final class OnnxReader {

    private static final int MODEL_GRAPH = 7;
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_FLOAT_DATA = 4;
    private static final int TENSOR_INT32_DATA = 5;
    private static final int TENSOR_INT64_DATA = 7;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int FLOAT = 1;
    private static final int INT64 = 7;
    private static final int FLOAT16 = 10;

    private OnnxReader() {
    }

    public static OnnxModel read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            return read(mapped, file.toString());
        } catch (IOException e) {
            throw new WeightImportException(file + ": not a readable ONNX model: " + e.getMessage(), e);
        }
    }

    static OnnxModel read(ByteBuffer bytes, String source) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        in.enableAliasing(true);
        in.setSizeLimit(Integer.MAX_VALUE);
        List<NamedTensor> floats = new ArrayList<>();
        List<NamedLongTensor> longs = new ArrayList<>();
        List<OnnxNode> nodes = new ArrayList<>();
        Map<String, Long> offsets = new HashMap<>();
        boolean sawGraph = false;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (WireFormat.getTagFieldNumber(tag) == MODEL_GRAPH) {
                sawGraph = true;
                int limit = in.pushLimit(in.readRawVarint32());
                readGraph(in, floats, longs, nodes, offsets, source);
                in.popLimit(limit);
            } else {
                in.skipField(tag);
            }
        }
        if (!sawGraph) {
            throw new WeightImportException(source + ": ONNX model has no graph (field 7)");
        }
        return new OnnxModel(floats, longs, nodes, offsets);
    }

    private static void readGraph(CodedInputStream in, List<NamedTensor> floats, List<NamedLongTensor> longs,
            List<OnnxNode> nodes, Map<String, Long> offsets, String source) throws IOException {
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            if (field == GRAPH_NODE || field == GRAPH_INITIALIZER) {
                int limit = in.pushLimit(in.readRawVarint32());
                if (field == GRAPH_NODE) {
                    nodes.add(readNode(in));
                } else {
                    readTensor(in, floats, longs, offsets, source);
                }
                in.popLimit(limit);
            } else {
                in.skipField(tag);
            }
        }
    }

    private static OnnxNode readNode(CodedInputStream in) throws IOException {
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        String name = "";
        String opType = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case NODE_INPUT -> inputs.add(in.readStringRequireUtf8());
                case NODE_OUTPUT -> outputs.add(in.readStringRequireUtf8());
                case NODE_NAME -> name = in.readStringRequireUtf8();
                case NODE_OP_TYPE -> opType = in.readStringRequireUtf8();
                default -> in.skipField(tag);
            }
        }
        return new OnnxNode(name, opType, inputs, outputs);
    }

    private static void readTensor(CodedInputStream in, List<NamedTensor> floats, List<NamedLongTensor> longs,
            Map<String, Long> offsets, String source) throws IOException {
        List<Long> dims = new ArrayList<>();
        int dataType = 0;
        String name = "";
        ByteBuffer raw = null;
        long rawOffset = -1;
        FloatList typedFloats = new FloatList();
        LongList typedLongs = new LongList();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            boolean packed = WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED;
            switch (field) {
                case TENSOR_DIMS -> readVarints(in, packed, dims::add);
                case TENSOR_DATA_TYPE -> dataType = in.readInt32();
                case TENSOR_NAME -> name = in.readStringRequireUtf8();
                case TENSOR_RAW_DATA -> {
                    raw = in.readByteBuffer();
                    rawOffset = in.getTotalBytesRead() - raw.remaining();
                }
                case TENSOR_FLOAT_DATA -> {
                    if (packed) {
                        int limit = in.pushLimit(in.readRawVarint32());
                        while (in.getBytesUntilLimit() > 0) {
                            typedFloats.add(in.readFloat());
                        }
                        in.popLimit(limit);
                    } else {
                        typedFloats.add(in.readFloat());
                    }
                }
                // FLOAT16 typed values travel as uint16 bit patterns in int32_data.
                case TENSOR_INT32_DATA -> readVarints(in, packed, v -> typedFloats.add(Shapes.halfToFloat((int) v)));
                case TENSOR_INT64_DATA -> readVarints(in, packed, typedLongs::add);
                default -> in.skipField(tag);
            }
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        int count = Shapes.size(shape);
        switch (dataType) {
            case FLOAT -> {
                floats.add(new NamedTensor(name, shape,
                        raw != null ? rawFloats(raw, count, name, source) : typedFloats.toArray(count, name, source)));
                if (raw != null) {
                    offsets.put(name, rawOffset);
                }
            }
            case FLOAT16 -> floats.add(new NamedTensor(name, shape,
                    raw != null ? rawHalves(raw, count, name, source) : typedFloats.toArray(count, name, source)));
            case INT64 -> longs.add(new NamedLongTensor(name, shape,
                    raw != null ? rawLongs(raw, count, name, source) : typedLongs.toArray(count, name, source)));
            default -> throw new WeightImportException(source + ": initializer '" + name + "' has ONNX data type "
                    + dataType + "; supported: 1 (FLOAT), 7 (INT64), 10 (FLOAT16)");
        }
    }

    private interface LongSink {
        void accept(long value);
    }

    private static void readVarints(CodedInputStream in, boolean packed, LongSink sink) throws IOException {
        if (!packed) {
            sink.accept(in.readInt64());
            return;
        }
        int limit = in.pushLimit(in.readRawVarint32());
        while (in.getBytesUntilLimit() > 0) {
            sink.accept(in.readInt64());
        }
        in.popLimit(limit);
    }

    private static ByteBuffer checked(ByteBuffer raw, int count, int width, String name, String source) {
        if (raw.remaining() != (long) count * width) {
            throw new WeightImportException(source + ": initializer '" + name + "' has " + raw.remaining()
                    + " bytes of raw_data, its shape needs " + (long) count * width);
        }
        return raw.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    private static float[] rawFloats(ByteBuffer raw, int count, String name, String source) {
        float[] out = new float[count];
        checked(raw, count, 4, name, source).asFloatBuffer().get(out);
        return out;
    }

    private static float[] rawHalves(ByteBuffer raw, int count, String name, String source) {
        ByteBuffer b = checked(raw, count, 2, name, source);
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = Shapes.halfToFloat(b.getShort(2 * i) & 0xffff);
        }
        return out;
    }

    private static long[] rawLongs(ByteBuffer raw, int count, String name, String source) {
        long[] out = new long[count];
        checked(raw, count, 8, name, source).asLongBuffer().get(out);
        return out;
    }

    /** Growable primitive buffers, so typed fields do not box every value. */
    private static final class FloatList {
        private float[] values = new float[16];
        private int size;

        void add(float v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        float[] toArray(int expected, String name, String source) {
            if (size != expected) {
                throw new WeightImportException(source + ": initializer '" + name + "' has " + size
                        + " values, its shape needs " + expected);
            }
            return java.util.Arrays.copyOf(values, size);
        }
    }

    private static final class LongList {
        private long[] values = new long[16];
        private int size;

        void add(long v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long[] toArray(int expected, String name, String source) {
            if (size != expected) {
                throw new WeightImportException(source + ": initializer '" + name + "' has " + size
                        + " values, its shape needs " + expected);
            }
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
