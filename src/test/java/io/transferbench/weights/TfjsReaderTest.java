package io.transferbench.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TfjsReaderTest {

    @TempDir
    Path tmp;

    /** float32 [2] = 1.5, -2; uint8 [3] with scale 0.5, min -1 from q = 0, 2, 255; float16 [1] = -2. */
    private static byte[] weightBytes() {
        ByteBuffer b = ByteBuffer.allocate(8 + 3 + 2).order(ByteOrder.LITTLE_ENDIAN);
        b.putFloat(1.5f).putFloat(-2f);
        b.put((byte) 0).put((byte) 2).put((byte) 255);
        b.putShort((short) 0xc000);
        return b.array();
    }

    private static final String WEIGHTS = "[{name:\"dense/kernel\",shape:[2],dtype:\"float32\"},"
            + "{name:\"conv/kernel\",shape:[1,1,3,1],dtype:\"float32\",quantization:{dtype:\"uint8\",scale:.5,min:-1}},"
            + "{name:\"bn/gamma\",shape:[1],dtype:\"float32\",quantization:{dtype:\"float16\"}}]";

    private static final float[] CONV = {-1f, 0f, 126.5f};

    @Test
    void readsFloat32Uint8AndFloat16WeightsAcrossTwoShards() throws IOException {
        byte[] all = weightBytes();
        // The split falls inside the uint8 weight: shards are one byte stream.
        Files.write(tmp.resolve("group1-shard1of2.bin"), Arrays.copyOfRange(all, 0, 9));
        Files.write(tmp.resolve("group1-shard2of2.bin"), Arrays.copyOfRange(all, 9, all.length));
        String json = WEIGHTS.replaceAll("(\\w+):", "\"$1\":").replace(":.5", ":0.5");
        Files.writeString(tmp.resolve("model.json"), "{\"format\":\"layers-model\",\"modelTopology\":{\"k\":1},"
                + "\"weightsManifest\":[{\"paths\":[\"group1-shard1of2.bin\",\"group1-shard2of2.bin\"],\"weights\":"
                + json + "}]}");
        TfjsModel model = TfjsReader.read(tmp.resolve("model.json"));
        assertArrayEquals(new float[] {1.5f, -2f}, model.tensorsByName().get("dense/kernel").data());
        assertArrayEquals(CONV, model.tensorsByName().get("conv/kernel").data());
        assertArrayEquals(new long[] {1, 1, 3, 1}, model.tensorsByName().get("conv/kernel").shape());
        assertArrayEquals(new float[] {-2f}, model.tensorsByName().get("bn/gamma").data());
        assertEquals(1, model.topology().path("k").asInt());
    }

    @Test
    void readsBrowserifyWrappedModelAndShardAsNsfwjsShipsThem() throws IOException {
        String prelude = "!function(e){module.exports=e()}(function(){return function e(a,n,i){}({1:[";
        Files.writeString(tmp.resolve("model.min.js"), prelude + "function(e,a,n){a.exports={modelTopology:"
                + "{training:!1,trainable:!0,eps:1e-3,name:\"x:y\"},weightsManifest:[{paths:[\"group1-shard1of1\"],"
                + "weights:" + WEIGHTS + "}]}},{}]},{},[1])(1)});");
        Files.writeString(tmp.resolve("group1-shard1of1.min.js"), prelude + "function(e,h,n){h.exports=\""
                + Base64.getEncoder().encodeToString(weightBytes()) + "\"},{}]},{},[1])(1)});");
        TfjsModel model = TfjsReader.readBrowserified(tmp.resolve("model.min.js"));
        assertArrayEquals(CONV, model.tensorsByName().get("conv/kernel").data());
        assertEquals(false, model.topology().path("training").asBoolean(true));
        assertEquals(0.001, model.topology().path("eps").asDouble(), 1e-12);
        assertEquals("x:y", model.topology().path("name").asText());
    }

    @Test
    void shardShorterThanManifestNamesTheWeight() throws IOException {
        Files.write(tmp.resolve("s.bin"), new byte[6]);
        Files.writeString(tmp.resolve("model.json"), "{\"weightsManifest\":[{\"paths\":[\"s.bin\"],\"weights\":"
                + "[{\"name\":\"w\",\"shape\":[2],\"dtype\":\"float32\"}]}]}");
        WeightImportException e = assertThrows(WeightImportException.class,
                () -> TfjsReader.read(tmp.resolve("model.json")));
        assertTrue(e.getMessage().contains("shards end inside weight 'w' (needs 8 bytes, 6 left)"), e.getMessage());
    }
}
