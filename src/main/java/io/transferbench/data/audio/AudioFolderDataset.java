package io.transferbench.data.audio;

import io.transferbench.assets.AssetAccess;
import io.transferbench.data.ClassFolders;
import io.transferbench.data.LocalDataset;
import io.transferbench.data.ExampleGroups;
import io.transferbench.data.SplitPlan;
import io.transferbench.data.Splits;
import io.transferbench.spec.DatasetSpec;
import io.transferbench.spec.Rule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Your own sounds, in the {@link ClassFolders} layout: one subfolder per class of audio files
 * (WAV, AIFF, AU, FLAC), or {@code train/}, {@code test/} and optionally {@code val/} holding
 * them, used as given. Each file becomes its first {@code seconds} at 16 kHz mono, zero-padded; a
 * file that cannot be decoded is skipped and counted. Identical audio shares a split.
 */
public final class AudioFolderDataset extends AudioDataset implements LocalDataset {

    @Override
    public String name() {
        return "audio-folder";
    }

    @Override
    public String description() {
        return "your sounds at dataset.path: one folder per class of WAV/AIFF/FLAC files (or train/, val/, test/ of them)";
    }

    @Override
    public Rule.ObjectRule optionsRule() {
        return clipOptions().build();
    }

    @Override
    public List<String> checkFiles(DatasetSpec spec) {
        return ClassFolders.scan(LocalDataset.path(spec)).problems();
    }

    @Override
    public String version() {
        return "audio-folder/1";
    }

    @Override
    public Splits load(DatasetSpec spec, AssetAccess assets) {
        Path root = assets.directory(assetIds(spec).get(0));
        ClassFolders layout = ClassFolders.read(root);
        int length = clipLength(spec);
        List<ClassFolders.LabelledFile> files = layout.files();
        // Decoding and resampling dominate; results are collected in file order, so threads change nothing.
        List<Optional<float[]>> decoded = IntStream.range(0, files.size()).parallel()
                .mapToObj(i -> ClipFiles.clip(files.get(i).file(), length)).toList();
        List<float[]> clips = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<SplitPlan.Assigned> given = new ArrayList<>();
        ExampleGroups groups = new ExampleGroups();
        long skipped = 0;
        for (int i = 0; i < files.size(); i++) {
            if (decoded.get(i).isEmpty()) {
                skipped++;
                continue;
            }
            ClassFolders.LabelledFile f = files.get(i);
            clips.add(decoded.get(i).get());
            labels.add(f.label());
            given.add(f.split());
            groups.add("file:" + root.relativize(f.file()), "audio:" + ClipFiles.digest(decoded.get(i).get()));
        }
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        SplitPlan plan = given.contains(null)
                ? SplitPlan.stratified(groups.names(), y, spec.valFraction(), spec.testFraction(), spec.splitSeed(),
                        spec.limit())
                : SplitPlan.given(given, groups.names(), y, spec.valFraction(), spec.splitSeed(), spec.limit());
        Map<String, Long> counts = plan.counts(y, layout.classNames());
        counts.put(Splits.SKIPPED, skipped);
        return new Splits(
                AudioClips.select(clips, y, length, plan.train(),
                        augmentation(spec)),
                AudioClips.select(clips, y, length, plan.val()),
                AudioClips.select(clips, y, length, plan.test()),
                layout.classNames(), new long[] {length}, counts);
    }
}
