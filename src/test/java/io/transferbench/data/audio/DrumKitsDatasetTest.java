package io.transferbench.data.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.transferbench.BenchException;
import io.transferbench.LockedAssets;
import io.transferbench.data.Splits;
import io.transferbench.spec.DatasetSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The drum-kit dataset on the real locked kits: labels as the kits' drumkit.xml name their
 * instruments, a split by kit with no kit and no identical clip on both sides, and the counts.
 */
class DrumKitsDatasetTest {

    private static Path root;
    private static List<DrumSample> samples;
    private static DrumKitsDataset.DrumKitSplits splits;

    @BeforeAll
    static void load() {
        root = LockedAssets.fetched(DrumKitsDataset.ASSET).resolve(DrumKitsDataset.DIR);
        samples = DrumKitsDataset.read(root, 16_000, new LinkedHashMap<>());
        splits = DrumKitsDataset.split(root, new DatasetSpec(DrumKitsDataset.NAME, null, 0, 0, 0, null));
    }

    @Test
    void instrumentNamesMapToClassesAndUnknownNamesAreLeftOut() {
        assertEquals("kick", name(DrumClasses.of("Kick (Tama Superstar 22\")").orElseThrow()));
        assertEquals("kick", name(DrumClasses.of("c3 - bass drum 1").orElseThrow()));
        assertEquals("kick", name(DrumClasses.of("BassDrum").orElseThrow()));
        assertEquals("hihat", name(DrumClasses.of("Sabian Hat Semi-Open").orElseThrow()));
        assertEquals("hihat", name(DrumClasses.of("Closed HH 2").orElseThrow()));
        assertEquals("hihat", name(DrumClasses.of("Side OHH").orElseThrow()));
        assertEquals("cymbal", name(DrumClasses.of("Ride (Custom, Zagrebin 22\")").orElseThrow()), "not a tom");
        assertEquals("cymbal", name(DrumClasses.of("Paiste Bell").orElseThrow()));
        assertEquals("percussion", name(DrumClasses.of("Dununba1 Bell").orElseThrow()), "a hand-drum bell");
        assertEquals("percussion", name(DrumClasses.of("Djembe1 Bass").orElseThrow()), "a djembe, not a kick");
        assertEquals("tom", name(DrumClasses.of("tomhi2").orElseThrow()));
        assertEquals("snare", name(DrumClasses.of("Snare Rimshot (Pearl Free Floating Maple 14x3.5)").orElseThrow()));
        for (String unknown : List.of("Stick", "Rim Click", "Zap 1", "FX", "Drum 1", "17", "Sample: beats_01-10.flac",
                "f#4 - ", "Whistle")) {
            assertTrue(DrumClasses.of(unknown).isEmpty(), unknown);
        }
    }

    @Test
    void kitsAreReadFromBothDrumkitXmlLayouts() throws Exception {
        DrumKit layered = DrumKit.read(root.resolve("BJA_Pacific"));
        DrumKit.Instrument bass = layered.instruments().get(0);
        assertEquals("BassDrum", bass.name());
        assertEquals(8, bass.files().size(), "eight velocity layers");
        DrumKit bare = DrumKit.read(root.resolve("HardElectro1"));
        assertEquals(new DrumKit.Instrument("Kick 1", List.of("HardHse_K_02.flac")), bare.instruments().get(0));
        DrumKit namespaced = DrumKit.read(root.resolve("Audiophob"));
        assertEquals("Kick", namespaced.instruments().get(0).name());
        assertEquals(14, DrumKitsDataset.kits(root).size());
    }

    @Test
    void everyKitContributesLabelledSamplesOfAllSixClasses() {
        Map<String, Integer> perClass = new HashMap<>();
        samples.forEach(s -> perClass.merge(DrumClasses.NAMES.get(s.label()), 1, Integer::sum));
        System.out.println("drum-kits: " + samples.size() + " samples " + perClass + ", counts "
                + splits.inDistribution().counts());
        // pinned: the asset is locked, and the mapping and decoding are deterministic
        assertEquals(Map.of("kick", 54, "snare", 89, "hihat", 125, "tom", 78, "cymbal", 124, "percussion", 135), perClass);
        Map<String, Long> counts = splits.inDistribution().counts();
        assertEquals(List.of(320L, 67L, 62L, 156L), List.of(counts.get("train"), counts.get("val"), counts.get("test"),
                counts.get(DrumKitsDataset.OOD_TEST)));
        assertEquals(130L, counts.get("unlabelled-instrument-files"));
        assertEquals(1L, counts.get("skipped-missing-files"), "Millo_MultiLayered2 names a misc_Cowbell.flac it lacks");
        assertEquals(14, samples.stream().map(DrumSample::kit).distinct().count());
        assertTrue(samples.stream().allMatch(s -> s.clip().length == 16_000));
    }

    @Test
    void noKitAndNoIdenticalClipIsOnBothSidesOfAnySplit() {
        Map<String, String> kitOfDigest = new HashMap<>();
        samples.forEach(s -> kitOfDigest.put(s.digest(), s.kit()));
        Splits id = splits.inDistribution();
        List<Set<String>> digests = new ArrayList<>();
        for (var set : List.of(id.train(), id.val(), id.test(), splits.outOfDistribution())) {
            Set<String> d = new HashSet<>();
            AudioClips clips = (AudioClips) set;
            for (int i = 0; i < clips.size(); i++) {
                assertTrue(d.add(ClipFiles.digest(clips.clip(i))), "an identical clip twice in one split");
            }
            digests.add(d);
        }
        for (int a = 0; a < digests.size(); a++) {
            for (int b = a + 1; b < digests.size(); b++) {
                Set<String> common = new HashSet<>(digests.get(a));
                common.retainAll(digests.get(b));
                assertTrue(common.isEmpty(), "splits " + a + " and " + b + " share " + common.size() + " clips");
            }
        }
        Set<String> oodKits = new HashSet<>();
        digests.get(3).forEach(d -> oodKits.add(kitOfDigest.get(d)));
        assertEquals(Set.copyOf(DrumKitsDataset.DEFAULT_OOD_KITS), oodKits);
        for (int s = 0; s < 3; s++) {
            digests.get(s).forEach(d -> assertFalse(oodKits.contains(kitOfDigest.get(d)), "held-out kit in training side"));
        }
        int total = id.train().size() + id.val().size() + id.test().size() + splits.outOfDistribution().size();
        assertEquals(samples.size(), total);
        for (var set : List.of(id.train(), id.val(), id.test(), splits.outOfDistribution())) {
            Set<Integer> classes = new HashSet<>();
            AudioClips clips = (AudioClips) set;
            for (int i = 0; i < clips.size(); i++) {
                classes.add(clips.label(i));
            }
            assertEquals(6, classes.size(), "every split holds every class");
        }
    }

    @Test
    void velocityLayersOfOneInstrumentShareASplit() {
        Splits id = splits.inDistribution();
        Map<String, Integer> splitOfDigest = new HashMap<>();
        List<AudioClips> sets = List.of((AudioClips) id.train(), (AudioClips) id.val(), (AudioClips) id.test());
        for (int s = 0; s < sets.size(); s++) {
            for (int i = 0; i < sets.get(s).size(); i++) {
                splitOfDigest.put(ClipFiles.digest(sets.get(s).clip(i)), s);
            }
        }
        Map<String, Set<Integer>> splitsOfInstrument = new HashMap<>();
        for (DrumSample s : samples) {
            Integer split = splitOfDigest.get(s.digest());
            if (split != null) {
                s.instruments().forEach(i -> splitsOfInstrument.computeIfAbsent(s.kit() + "/" + i, k -> new HashSet<>())
                        .add(split));
            }
        }
        splitsOfInstrument.forEach((instrument, in) -> assertEquals(1, in.size(), instrument + " spans splits " + in));
    }

    @Test
    void anUnknownHeldOutKitIsABadInputNamingTheKits() {
        ObjectNode options = JsonNodeFactory.instance.objectNode();
        options.putArray("ood-kits").add("No Such Kit");
        BenchException e = assertThrows(BenchException.class, () -> DrumKitsDataset.split(root,
                new DatasetSpec(DrumKitsDataset.NAME, null, 0, 0, 0, options)));
        assertTrue(e.getMessage().contains("'No Such Kit'") && e.getMessage().contains("BJA_Pacific"), e.getMessage());
    }

    private static String name(int label) {
        return DrumClasses.NAMES.get(label);
    }
}
