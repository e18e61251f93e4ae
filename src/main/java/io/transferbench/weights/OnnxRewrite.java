package io.transferbench.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * An ONNX model with some FLOAT initializers given new values: the file is copied and each
 * initializer's {@code raw_data} overwritten in place ({@link OnnxModel#rawFloatOffsets}). The
 * shapes stay, so the bytes keep their length and no protobuf is encoded again; the graph is
 * untouched. Written to a temporary file and moved into place, then read back and compared.
 */
public final class OnnxRewrite {

    private OnnxRewrite() {}

    /** Writes {@code source} with {@code values} (ONNX initializer name to values, the tensor's layout) to {@code target}. */
    public static void write(Path source, Path target, Map<String, float[]> values) {
        OnnxModel model = OnnxReader.read(source);
        Map<String, NamedTensor> tensors = model.tensorsByName();
        values.forEach((name, data) -> {
            NamedTensor t = tensors.get(name);
            if (t == null || !model.rawFloatOffsets().containsKey(name)) {
                throw new WeightImportException(source + ": no FLOAT raw_data initializer '" + name + "' to rewrite");
            }
            if (t.data().length != data.length) {
                throw new WeightImportException(source + ": initializer '" + name + "' holds " + t.data().length
                        + " values, not " + data.length);
            }
        });
        try {
            Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName().toString(), ".tmp");
            try {
                Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
                try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    for (Map.Entry<String, float[]> e : values.entrySet()) {
                        ByteBuffer bytes = ByteBuffer.allocate(e.getValue().length * 4).order(ByteOrder.LITTLE_ENDIAN);
                        bytes.asFloatBuffer().put(e.getValue());
                        long at = model.rawFloatOffsets().get(e.getKey());
                        while (bytes.hasRemaining()) {
                            at += out.write(bytes, at);
                        }
                    }
                    out.force(true);
                }
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new WeightImportException(target + ": cannot write: " + e.getMessage(), e);
        }
        Map<String, NamedTensor> written = OnnxReader.read(target).tensorsByName();
        values.forEach((name, data) -> {
            if (!java.util.Arrays.equals(written.get(name).data(), data)) {
                throw new WeightImportException(target + ": initializer '" + name + "' did not read back as written");
            }
        });
    }
}
