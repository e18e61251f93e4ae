package io.transferbench.data.scenes;

import io.transferbench.LockedAssets;
import io.transferbench.assets.AssetService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real stamps and backgrounds: split hygiene, and scenes whose masks hold only valid classes. */
class RealScenesTest {

    private static StampCutouts stamps;
    private static List<Background> backgrounds;

    @BeforeAll
    static void read() {
        List<String> ids = new ArrayList<>(SceneBackgrounds.ASSETS);
        ids.add("tuxpaint-stamps");
        AssetService assets = LockedAssets.service(ids.toArray(String[]::new));
        stamps = StampCutouts.read(assets);
        backgrounds = SceneBackgrounds.read(assets);
    }

    @Test
    void everyLockedBackgroundIsARealSizedImage() {
        assertEquals(35, backgrounds.size());
        for (Background b : backgrounds) {
            assertTrue(Math.min(b.image().width(), b.image().height()) >= 300, b.name());
        }
        assertEquals(16, stamps.categories().size());
        assertTrue(stamps.cutouts().size() > 780, stamps.cutouts().size() + " cut-outs");
    }

    @Test
    void noItemAndNoBackgroundIsInTwoSplitsAndEveryCategoryWithThreeItemsIsInEach() {
        SceneSplits splits = SceneSplits.of(stamps.cutouts(), backgrounds, 11, 0.15, 0.15);
        List<SceneSplits.Part> parts = List.of(splits.train(), splits.val(), splits.test());
        Set<String> items = new HashSet<>();
        Set<String> names = new HashSet<>();
        int cutouts = 0;
        for (SceneSplits.Part part : parts) {
            Set<String> partItems = part.cutouts().stream().map(Cutout::item).collect(Collectors.toSet());
            for (String item : partItems) {
                assertTrue(items.add(item), item + " is in two splits");
            }
            for (Background b : part.backgrounds()) {
                assertTrue(names.add(b.name()), b.name() + " is in two splits");
            }
            assertTrue(part.backgrounds().size() >= 4, part.backgrounds().size() + " backgrounds");
            cutouts += part.cutouts().size();
        }
        assertEquals(stamps.cutouts().size(), cutouts);
        assertEquals(backgrounds.size(), names.size());
        Map<Integer, Long> itemsPerCategory = stamps.cutouts().stream().map(c -> c.category() + "/" + c.item())
                .distinct().collect(Collectors.groupingBy(s -> Integer.parseInt(s.substring(0, s.indexOf('/'))),
                        Collectors.counting()));
        for (Map.Entry<Integer, Long> e : itemsPerCategory.entrySet()) {
            if (e.getValue() >= 3) {
                for (SceneSplits.Part part : parts) {
                    assertTrue(part.cutouts().stream().anyMatch(c -> c.category() == e.getKey()),
                            stamps.categories().get(e.getKey()) + " missing from a split");
                }
            }
        }
        SceneSplits again = SceneSplits.of(stamps.cutouts(), backgrounds, 11, 0.15, 0.15);
        assertEquals(names(splits.test()), names(again.test()));
        assertNotEquals(names(splits.test()), names(SceneSplits.of(stamps.cutouts(), backgrounds, 12, 0.15, 0.15).test()));
    }

    @Test
    void masksHoldOnlyBackgroundCategoriesAndIgnoreAndAgreeWithTheBoxes() throws Exception {
        SceneSpec spec = new SceneSpec(128, 1, 6, 0.15, 0.6, 0.2, 2);
        SceneSplits splits = SceneSplits.of(stamps.cutouts(), backgrounds, 11, 0.15, 0.15);
        SceneGenerator generator = new SceneGenerator(splits.train().cutouts(), splits.train().backgrounds(), spec);
        int classes = stamps.categories().size();
        for (int i = 0; i < 30; i++) {
            Scene scene = generator.generate(5, i);
            for (byte b : scene.mask()) {
                int v = b & 0xff;
                assertTrue(v <= classes || v == Scene.IGNORE, "mask value " + v);
            }
            for (SceneObject o : scene.objects()) {
                assertTrue(o.visibleFraction() >= 0.2 && o.x0() < o.x1() && o.y0() < o.y1(), o.toString());
            }
        }
        Scene scene = generator.generate(5, 3);
        Scene again = new SceneGenerator(splits.train().cutouts(), splits.train().backgrounds(), spec).generate(5, 3);
        assertArrayEquals(scene.image().pixels(), again.image().pixels());
        assertArrayEquals(scene.mask(), again.mask());
        // Catches a decoder or arithmetic difference on another machine, JDK or ImageIO version.
        assertEquals("0c0dfb83a61dc4abbd9a51f097eedd559add54f8547e19b52a2e229911f52e7b", SceneGeneratorTest.digest(scene));
    }

    private static Set<String> names(SceneSplits.Part part) {
        return part.backgrounds().stream().map(Background::name).collect(Collectors.toSet());
    }
}
