package io.transferbench.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store's format gives back every array bit for bit, whatever the block boundaries. */
class FeatureFileTest {

    @Test
    void arraysLargerThanABlockAndSmallOnesComeBackBitForBit() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            // 5,000 rows of 4 KB: 20 MB, more than one 16 MB block, and a last block that is not full
            NDArray big = manager.randomNormal(new Shape(5000, 1024));
            NDArray view = manager.arange(24f).reshape(4, 3, 2).transpose(0, 2, 1);
            NDArray ints = manager.create(new int[] {3, 1, 4, 1, 5});
            NDArray empty = manager.zeros(new Shape(0, 7));
            List<NDList> splits = List.of(new NDList(big, view), new NDList(ints), new NDList(empty));
            byte[] file = write(splits);

            try (NDManager into = NDManager.newBaseManager()) {
                List<NDList> back = FeatureFile.read(new DataInputStream(new ByteArrayInputStream(file)), into,
                        file.length);
                assertEquals(3, back.size());
                for (int s = 0; s < splits.size(); s++) {
                    assertEquals(splits.get(s).size(), back.get(s).size());
                    for (int a = 0; a < splits.get(s).size(); a++) {
                        NDArray want = splits.get(s).get(a);
                        NDArray got = back.get(s).get(a);
                        assertEquals(want.getShape(), got.getShape());
                        assertEquals(want.getDataType(), got.getDataType());
                        assertArrayEquals(bytes(want), bytes(got), "split " + s + " array " + a);
                    }
                }
            }
        }
    }

    @Test
    void aHeaderThatAsksForMoreThanTheFileHoldsIsRefusedBeforeAllocating() throws IOException {
        try (NDManager manager = NDManager.newBaseManager()) {
            byte[] file = write(List.of(new NDList(manager.ones(new Shape(8, 4), DataType.FLOAT32))));
            // the first dimension's eight bytes sit after magic, byte order, counts, type and rank
            int firstDim = 4 + 2 + "LITTLE_ENDIAN".length() + 4 + 4 + 2 + "FLOAT32".length() + 4;
            file[firstDim] = 0x40;
            IOException e = assertThrows(IOException.class, () -> FeatureFile.read(
                    new DataInputStream(new ByteArrayInputStream(file)), manager, file.length));
            assertTrue(e.getMessage().contains("does not fit in the file"), e.getMessage());
        }
    }

    private static byte[] write(List<NDList> splits) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            FeatureFile.write(splits, out);
        }
        return buffer.toByteArray();
    }

    private static byte[] bytes(NDArray array) {
        ByteBuffer data = array.toByteBuffer(true);
        byte[] out = new byte[data.remaining()];
        data.get(out);
        return out;
    }
}
