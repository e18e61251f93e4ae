package io.transferbench.data.audio;

import com.fasterxml.jackson.databind.JsonNode;
import io.transferbench.BenchException;
import io.transferbench.IoReason;
import io.transferbench.assets.AssetAccess;
import io.transferbench.data.ExampleGroups;
import io.transferbench.data.SplitPlan;
import io.transferbench.data.Splits;
import io.transferbench.spec.DatasetSpec;
import io.transferbench.spec.Rule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The one-shot samples of Debian's 14 Hydrogen drum kits, labelled by instrument class from each
 * kit's {@code drumkit.xml} ({@link DrumClasses}) and split by kit: the {@code ood-kits} are
 * never heard in training and form the out-of-distribution test; the other kits are split by
 * instrument (all velocity layers of one kit's instrument, and every copy of identical audio,
 * share a split) into train, validation and the in-distribution test, stratified by class.
 *
 * <p>Audio identical in two kits (after decoding and resampling) cannot be attributed to one kit,
 * so every copy is dropped. A file played by two instruments of different classes is dropped as
 * conflicting; silent files (Hydrogen's {@code emptySample.flac}) and files the kit names but
 * does not ship are skipped. Each is counted in the record's {@code dataset_counts}.
 */
public final class DrumKitsDataset extends AudioDataset {

    public static final String ASSET = "hydrogen-drumkits";
    public static final String DIR = "usr/share/hydrogen/data/drumkits";
    public static final String NAME = "drum-kits";
    /** The name of the out-of-distribution test set, for the named evaluation sets. */
    public static final String OOD_TEST = "test-ood";
    /**
     * Held-out kits by default: an acoustic kit with five velocity layers, a multi-layered
     * acoustic kit and a kit of single hits, together holding every class. (Millo_MultiLayered3
     * shares its author with two training kits: unseen kit, not unseen producer.)
     */
    public static final List<String> DEFAULT_OOD_KITS = List.of("The Black Pearl 1.0", "Millo_MultiLayered3",
            "rumpf_kit_z01_h2");
    /** Peak below which a file counts as silent: under one step of 16-bit audio. */
    private static final float SILENCE = 1f / 32768;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Hydrogen drum kits: ~600 real one-shots, 6 instrument classes, split by kit (test: seen kits, "
                + OOD_TEST + ": unseen kits)";
    }

    /**
     * {@code seconds}: clip length from each sample's start (one-shots begin at the hit);
     * {@code ood-kits}: the kits held out for the out-of-distribution test; {@code augment}:
     * {@code standard} changes training clips at random ({@link ClipAugmentation}).
     */
    @Override
    public Rule.ObjectRule optionsRule() {
        return clipOptions()
                .optional("ood-kits", Rule.list(Rule.text(".+", "a kit directory name")), DEFAULT_OOD_KITS)
                .build();
    }

    @Override
    public List<String> assetIds(DatasetSpec spec) {
        return List.of(ASSET);
    }

    @Override
    public String version() {
        return "drum-kits/1";
    }

    /** The dataset's parts before they become {@link Splits}: the in- and out-of-distribution tests apart. */
    public record DrumKitSplits(Splits inDistribution, io.transferbench.data.ExampleSet outOfDistribution) {
    }

    @Override
    public Splits load(DatasetSpec spec, AssetAccess assets) {
        DrumKitSplits parts = split(assets.directory(ASSET).resolve(DIR), spec);
        return parts.inDistribution().withOtherTests(Map.of(OOD_TEST, parts.outOfDistribution()));
    }

    public static DrumKitSplits split(Path root, DatasetSpec spec) {
        int length = clipLength(spec);
        List<String> oodKits = oodKits(spec);
        Map<String, Long> counts = new LinkedHashMap<>();
        List<DrumSample> samples = read(root, length, counts);
        Set<String> kits = new HashSet<>();
        samples.forEach(s -> kits.add(s.kit()));
        for (String kit : oodKits) {
            if (!kits.contains(kit)) {
                throw new BenchException(BenchException.EXIT_BAD_INPUT, "dataset.options.ood-kits: no kit '" + kit
                        + "' with labelled samples; kits: " + kits.stream().sorted().toList());
            }
        }
        List<DrumSample> seen = samples.stream().filter(s -> !oodKits.contains(s.kit())).toList();
        List<DrumSample> unseen = samples.stream().filter(s -> oodKits.contains(s.kit())).toList();

        ExampleGroups groups = new ExampleGroups();
        for (DrumSample s : seen) {
            List<String> keys = new ArrayList<>();
            s.instruments().forEach(i -> keys.add("instrument:" + s.kit() + "/" + i));
            keys.add("audio:" + s.digest());
            groups.add(keys.toArray(String[]::new));
        }
        int[] labels = seen.stream().mapToInt(DrumSample::label).toArray();
        List<float[]> clips = seen.stream().map(DrumSample::clip).toList();
        SplitPlan plan = SplitPlan.stratified(groups.names(), labels, spec.valFraction(), spec.testFraction(),
                spec.splitSeed(), spec.limit());
        Map<String, Long> all = new LinkedHashMap<>(plan.counts(labels, DrumClasses.NAMES));
        all.put(OOD_TEST, (long) unseen.size());
        all.put("kits.train", (long) (kits.size() - oodKits.size()));
        all.put("kits." + OOD_TEST, (long) oodKits.size());
        all.putAll(counts);
        Splits inDistribution = new Splits(
                AudioClips.select(clips, labels, length, plan.train(),
                        augmentation(spec)),
                AudioClips.select(clips, labels, length, plan.val()),
                AudioClips.select(clips, labels, length, plan.test()),
                DrumClasses.NAMES, new long[] {length}, all);
        AudioClips ood = new AudioClips(unseen.stream().map(DrumSample::clip).toList(),
                unseen.stream().mapToInt(DrumSample::label).toArray(), length);
        return new DrumKitSplits(inDistribution, ood);
    }

    private static List<String> oodKits(DatasetSpec spec) {
        JsonNode node = spec.options().get("ood-kits");
        if (node == null) {
            return DEFAULT_OOD_KITS;
        }
        List<String> kits = new ArrayList<>();
        node.forEach(n -> kits.add(n.asText()));
        return kits;
    }

    /**
     * Every labelled sample of every kit under {@code root}, kits in name order, with
     * cross-kit duplicates, conflicts, silent and missing files removed and counted in {@code counts}.
     */
    public static List<DrumSample> read(Path root, int length, Map<String, Long> counts) {
        List<DrumKit> kits = kits(root);
        record Pending(String kit, Path file, String relative, List<String> instruments, int label) {
        }
        List<Pending> pending = new ArrayList<>();
        long unlabelled = 0;
        long conflicting = 0;
        long missing = 0;
        for (DrumKit kit : kits) {
            Map<String, Integer> labelOfFile = new LinkedHashMap<>();
            Map<String, List<String>> instrumentsOfFile = new HashMap<>();
            Set<String> conflicted = new HashSet<>();
            for (DrumKit.Instrument instrument : kit.instruments()) {
                Optional<Integer> label = DrumClasses.of(instrument.name());
                if (label.isEmpty()) {
                    unlabelled += instrument.files().size();
                    continue;
                }
                for (String file : instrument.files()) {
                    Integer before = labelOfFile.putIfAbsent(file, label.get());
                    if (before != null && !before.equals(label.get())) {
                        conflicted.add(file);
                    }
                    instrumentsOfFile.computeIfAbsent(file, f -> new ArrayList<>()).add(instrument.name());
                }
            }
            for (Map.Entry<String, Integer> e : labelOfFile.entrySet()) {
                Path file = kit.dir().resolve(e.getKey());
                if (conflicted.contains(e.getKey())) {
                    conflicting++;
                } else if (!Files.isRegularFile(file)) {
                    missing++;
                } else {
                    pending.add(new Pending(kit.name(), file, e.getKey(), instrumentsOfFile.get(e.getKey()), e.getValue()));
                }
            }
        }
        // Decoding and resampling dominate; results are collected in list order, so threads change nothing.
        List<Optional<float[]>> decoded = IntStream.range(0, pending.size()).parallel()
                .mapToObj(i -> ClipFiles.clip(pending.get(i).file(), length)).toList();
        List<DrumSample> samples = new ArrayList<>();
        long undecodable = 0;
        long silent = 0;
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            if (decoded.get(i).isEmpty()) {
                undecodable++;
                continue;
            }
            float[] clip = decoded.get(i).get();
            if (peak(clip) < SILENCE) {
                silent++;
                continue;
            }
            samples.add(new DrumSample(p.kit(), p.relative(), p.instruments(), p.label(), clip, ClipFiles.digest(clip)));
        }
        Map<String, Set<String>> kitsOfDigest = new HashMap<>();
        samples.forEach(s -> kitsOfDigest.computeIfAbsent(s.digest(), d -> new HashSet<>()).add(s.kit()));
        List<DrumSample> kept = samples.stream().filter(s -> kitsOfDigest.get(s.digest()).size() == 1).toList();
        counts.put(Splits.SKIPPED, undecodable);
        counts.put("skipped-missing-files", missing);
        counts.put("skipped-silent", silent);
        counts.put("unlabelled-instrument-files", unlabelled);
        counts.put("dropped-conflicting-labels", conflicting);
        counts.put("dropped-duplicates-across-kits", (long) (samples.size() - kept.size()));
        return kept;
    }

    /** The kits under {@code root} (each directory with a drumkit.xml), in name order. */
    public static List<DrumKit> kits(Path root) {
        try (Stream<Path> dirs = Files.list(root)) {
            List<Path> found = dirs.filter(d -> Files.isRegularFile(d.resolve(DrumKit.DESCRIPTOR))).sorted().toList();
            if (found.isEmpty()) {
                throw new BenchException(BenchException.EXIT_ASSET, root + ": no drum kit (a directory with "
                        + DrumKit.DESCRIPTOR + ")");
            }
            List<DrumKit> kits = new ArrayList<>();
            for (Path dir : found) {
                kits.add(DrumKit.read(dir));
            }
            return kits;
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_ASSET, root + ": cannot read the drum kits: "
                    + IoReason.of(e), e);
        }
    }

    private static float peak(float[] clip) {
        float peak = 0;
        for (float v : clip) {
            peak = Math.max(peak, Math.abs(v));
        }
        return peak;
    }
}
