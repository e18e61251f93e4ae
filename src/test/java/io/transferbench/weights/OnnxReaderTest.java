package io.transferbench.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ONNX files written field by field with CodedOutputStream, as an exporter would. */
class OnnxReaderTest {

    @TempDir
    Path tmp;

    private interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        body.write(out);
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] tensor(String name, int dataType, long[] dims, Body data) throws IOException {
        return message(out -> {
            for (long d : dims) {
                out.writeInt64(1, d);
            }
            out.writeInt32(2, dataType);
            out.writeString(8, name);
            data.write(out);
        });
    }

    private static byte[] node(String name, String op, List<String> inputs, String output) throws IOException {
        return message(out -> {
            for (String in : inputs) {
                out.writeString(1, in);
            }
            out.writeString(2, output);
            out.writeString(3, name);
            out.writeString(4, op);
        });
    }

    private Path model() throws IOException {
        ByteBuffer raw = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : new float[] {1, 2, 3, 4, 5, 6}) {
            raw.putFloat(v);
        }
        byte[] rawFloat = tensor("onnx::MatMul_7", 1, new long[] {2, 3}, o -> o.writeByteArray(9, raw.array()));
        byte[] typedFloat = tensor("bias", 1, new long[] {2}, o -> {
            byte[] packed = message(p -> {
                p.writeFloatNoTag(0.5f);
                p.writeFloatNoTag(-1.5f);
            });
            o.writeByteArray(4, packed);
        });
        // 0x3c00 = 1.0, 0xc000 = -2.0, 0x3555 ~ 0.33325 in IEEE half precision.
        byte[] half = tensor("scale", 10, new long[] {3}, o -> o.writeByteArray(9,
                new byte[] {0x00, 0x3c, 0x00, (byte) 0xc0, 0x55, 0x35}));
        byte[] longs = tensor("position_ids", 7, new long[] {1, 3}, o -> o.writeByteArray(7, message(p -> {
            p.writeInt64NoTag(0);
            p.writeInt64NoTag(1);
            p.writeInt64NoTag(-2);
        })));
        byte[] graph = message(g -> {
            g.writeByteArray(1, node("/encoder/layer.0/query/MatMul", "MatMul", List.of("x", "onnx::MatMul_7"), "y"));
            g.writeByteArray(1, node("/encoder/layer.0/query/Add", "Add", List.of("y", "bias"), "z"));
            g.writeString(2, "main_graph");
            for (byte[] t : List.of(rawFloat, typedFloat, half, longs)) {
                g.writeByteArray(5, t);
            }
        });
        byte[] model = message(m -> {
            m.writeInt64(1, 7);
            m.writeString(2, "pytorch");
            m.writeBytes(7, ByteString.copyFrom(graph));
        });
        return Files.write(tmp.resolve("m.onnx"), model);
    }

    @Test
    void readsRawTypedHalfAndInt64Initializers() throws IOException {
        OnnxModel model = OnnxReader.read(model());
        assertEquals(List.of("onnx::MatMul_7", "bias", "scale"), model.tensors().stream().map(NamedTensor::name).toList());
        NamedTensor matmul = model.tensorsByName().get("onnx::MatMul_7");
        assertArrayEquals(new long[] {2, 3}, matmul.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, matmul.data());
        assertArrayEquals(new float[] {0.5f, -1.5f}, model.tensorsByName().get("bias").data());
        assertArrayEquals(new float[] {1f, -2f, 0.33325195f}, model.tensorsByName().get("scale").data());
        assertArrayEquals(new long[] {0, 1, -2}, model.longTensors().get(0).data());
        assertEquals(11, model.parameterCount());
    }

    @Test
    void namesAnonymousInitializerThroughItsConsumingNode() throws IOException {
        OnnxModel model = OnnxReader.read(model());
        assertEquals(Optional.of("/encoder/layer.0/query/MatMul"), model.consumerName("onnx::MatMul_7"));
        assertEquals("Add", model.consumers("bias").get(0).opType());
        assertEquals(Optional.empty(), model.consumerName("unused"));
    }

    @Test
    void rawDataOfTheWrongLengthNamesTheInitializer() throws IOException {
        byte[] bad = tensor("w", 1, new long[] {4}, o -> o.writeByteArray(9, new byte[8]));
        byte[] model = message(m -> m.writeByteArray(7, message(g -> g.writeByteArray(5, bad))));
        Path file = Files.write(tmp.resolve("bad.onnx"), model);
        WeightImportException e = assertThrows(WeightImportException.class, () -> OnnxReader.read(file));
        assertTrue(e.getMessage().contains("initializer 'w' has 8 bytes of raw_data, its shape needs 16"), e.getMessage());
    }
}
