package io.transferbench.models.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.training.ParameterStore;
import io.transferbench.LockedAssets;
import io.transferbench.OnnxReference;
import io.transferbench.assets.AssetService;
import io.transferbench.data.audio.AudioDecoder;
import io.transferbench.data.audio.Resampler;
import io.transferbench.data.audio.Waveform;
import io.transferbench.models.Backbone;
import io.transferbench.spec.ModelSpec;
import io.transferbench.train.CellTrainer;
import io.transferbench.train.TransferNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

/**
 * The Java front end and the DJL network compute what openWakeWord's two ONNX graphs compute, run
 * by OnnxRuntime in the same JVM, on real recordings: three one-shots of the locked Hydrogen kits
 * (a FLAC kick, a 24-bit WAV hi-hat, a long AIFF crash: one to many windows), decoded and
 * resampled to 16 kHz. Front end: the network's input ({@code dB / 10 + 2}) of every frame;
 * network: the 96-d embedding of every 76-frame window. Both within 1e-4 (measured differences
 * are printed).
 */
class SpeechEmbeddingFidelityTest {

    private static final double TOLERANCE = 1e-4;
    private static final String KITS = "usr/share/hydrogen/data/drumkits/";
    private static final List<String> CLIPS = List.of(
            "Millo_MultiLayered2/bd_01.flac",
            "ForzeeStereo/HiHatClosed-0.wav",
            "BJA_Pacific/CB_03.aiff");

    private static AssetService assets;

    @BeforeAll
    static void fetch() {
        assets = LockedAssets.service(SpeechEmbeddingFamily.WEIGHTS_ASSET, "hydrogen-drumkits");
    }

    private static float[] clip(String path) throws Exception {
        Waveform w = AudioDecoder.read(assets.fetch("hydrogen-drumkits").resolve(KITS + path));
        float[] samples = Resampler.to(w, LogMelFrontEnd.SAMPLE_RATE).samples();
        // at least one window; at most 3 s, which is already 26 windows
        int length = Math.min(samples.length, 3 * LogMelFrontEnd.SAMPLE_RATE);
        return java.util.Arrays.copyOf(samples, Math.max(length, LogMelFrontEnd.samplesFor(ClipWindows.WINDOW_FRAMES)));
    }

    @Test
    void frontEndMatchesMelspectrogramOnnx() throws Exception {
        LogMelFrontEnd frontEnd = SpeechEmbeddingFamily.frontEnd(assets);
        Path onnx = assets.fetch(SpeechEmbeddingFamily.WEIGHTS_ASSET).resolve(SpeechEmbeddingFamily.MEL_PATH);
        double worst = 0;
        for (String path : CLIPS) {
            float[] samples = clip(path);
            float[] ours = frontEnd.features(samples);
            float[] reference = onnxRuntime(onnx, "input", samples, new Shape(1, samples.length));
            assertEquals(ours.length, reference.length, path + ": frames x 32");
            for (int i = 0; i < reference.length; i++) {
                reference[i] = reference[i] / 10f + 2f;
            }
            double difference = maxAbsDifference(ours, reference);
            System.out.printf("front end %s: %d frames, max |difference| %.2e%n", path, ours.length / 32, difference);
            worst = Math.max(worst, difference);
        }
        assertTrue(worst <= TOLERANCE, "front end differs from melspectrogram.onnx by " + worst);
    }

    @Test
    void windowEmbeddingsMatchEmbeddingModelOnnx() throws Exception {
        LogMelFrontEnd frontEnd = SpeechEmbeddingFamily.frontEnd(assets);
        Path onnx = assets.fetch(SpeechEmbeddingFamily.WEIGHTS_ASSET).resolve(SpeechEmbeddingFamily.EMBEDDING_PATH);
        SpeechEmbeddingFamily family = new SpeechEmbeddingFamily();
        ModelSpec spec = new ModelSpec(family.name(), null, null);
        double worst = 0;
        int windowsSeen = 0;
        for (String path : CLIPS) {
            float[] features = frontEnd.features(clip(path));
            int frames = features.length / LogMelFrontEnd.MEL_BINS;
            int windows = ClipWindows.count(frames, SpeechEmbeddingFamily.DEFAULT_WINDOW_STEP);
            float[] ours;
            try (Model model = Model.newInstance("speech", Device.cpu(), "PyTorch")) {
                NDManager manager = model.getNDManager();
                long[] inputShape = {frames, LogMelFrontEnd.MEL_BINS};
                Backbone backbone = family.build(spec, inputShape);
                TransferNetwork net = new TransferNetwork(backbone, Blocks.identityBlock());
                model.setBlock(net);
                net.initialize(manager, DataType.FLOAT32, CellTrainer.batchShape(inputShape));
                family.loadPretrained(backbone, spec, assets, manager);
                NDList x = new NDList(manager.create(features, new Shape(1, frames, LogMelFrontEnd.MEL_BINS)));
                ParameterStore store = new ParameterStore(manager, false);
                for (Block stage : backbone.stages()) {
                    x = stage.forward(store, x, false);
                }
                assertEquals(new Shape(1, windows, 96, 1, 1), x.singletonOrThrow().getShape());
                ours = x.singletonOrThrow().toFloatArray();
            }
            float[] windowed = new float[windows * ClipWindows.WINDOW_FRAMES * LogMelFrontEnd.MEL_BINS];
            int width = ClipWindows.WINDOW_FRAMES * LogMelFrontEnd.MEL_BINS;
            for (int w = 0; w < windows; w++) {
                System.arraycopy(features, w * SpeechEmbeddingFamily.DEFAULT_WINDOW_STEP * LogMelFrontEnd.MEL_BINS,
                        windowed, w * width, width);
            }
            float[] reference = onnxRuntime(onnx, "input_1", windowed,
                    new Shape(windows, ClipWindows.WINDOW_FRAMES, LogMelFrontEnd.MEL_BINS, 1));
            double difference = maxAbsDifference(ours, reference);
            System.out.printf("embedding %s: %d windows, max |difference| %.2e (largest |value| %.2f)%n", path,
                    windows, difference, maxAbs(reference));
            worst = Math.max(worst, difference);
            windowsSeen += windows;
        }
        assertTrue(windowsSeen > CLIPS.size(), "some clip spans several windows");
        assertTrue(worst <= TOLERANCE, "embeddings differ from embedding_model.onnx by " + worst);
    }

    private static float[] onnxRuntime(Path onnx, String inputName, float[] values, Shape shape) throws Exception {
        return OnnxReference.firstOutput(onnx, m -> {
            NDArray input = m.create(values, shape);
            input.setName(inputName);
            return new NDList(input);
        });
    }

    private static double maxAbsDifference(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    private static double maxAbs(float[] a) {
        double max = 0;
        for (float v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
