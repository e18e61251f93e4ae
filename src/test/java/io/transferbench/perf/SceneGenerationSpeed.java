package io.transferbench.perf;

import io.transferbench.LockedAssets;
import io.transferbench.assets.AssetService;
import io.transferbench.data.scenes.Background;
import io.transferbench.data.scenes.SceneBackgrounds;
import io.transferbench.data.scenes.SceneGenerator;
import io.transferbench.data.scenes.SceneSpec;
import io.transferbench.data.scenes.StampCutouts;

import java.util.ArrayList;
import java.util.List;

/**
 * Scenes per second on one thread from the real stamps and backgrounds, to size a data set's
 * generation against training speed. Run with
 * {@code java -cp target/test-classes:target/classes:CLASSPATH io.transferbench.perf.SceneGenerationSpeed [SIZE...]}.
 */
public final class SceneGenerationSpeed {

    private SceneGenerationSpeed() {
    }

    public static void main(String[] args) {
        List<String> ids = new ArrayList<>(SceneBackgrounds.ASSETS);
        ids.add("tuxpaint-stamps");
        AssetService assets = LockedAssets.service(ids.toArray(String[]::new));
        StampCutouts stamps = StampCutouts.read(assets);
        List<Background> backgrounds = SceneBackgrounds.read(assets);
        for (String arg : args.length == 0 ? new String[] {"128", "256"} : args) {
            int size = Integer.parseInt(arg);
            SceneGenerator generator = new SceneGenerator(stamps.cutouts(), backgrounds,
                    new SceneSpec(size, 1, 6, 0.15, 0.6, 0.2, 2));
            long sink = 0;
            for (int i = 0; i < 200; i++) {
                sink += generator.generate(1, i).objects().size();
            }
            int scenes = 2000;
            long start = System.nanoTime();
            for (int i = 0; i < scenes; i++) {
                sink += generator.generate(2, i).objects().size();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("S=%d: %.0f scenes/s on one thread (1-6 objects, band 2; %d objects)%n", size,
                    scenes / seconds, sink);
        }
    }
}
