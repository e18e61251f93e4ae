package io.transferbench.data;

import io.transferbench.IoReason;
import io.transferbench.assets.LocalFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A folder of the user's labelled files in torchvision's {@code ImageFolder} layout: one
 * subfolder per class, its files (at any depth, hidden ones left out) the class's examples. Or
 * the same under {@code train/} and {@code test/} (and optionally {@code val/}), which then are
 * the splits, used as given. Whatever kind the files are (images, audio), the layout is read and
 * checked here; {@link #problems()} says what is wrong, naming the folder.
 *
 * @param classNames sorted; a class's index is its label
 * @param files every example file, in path order
 * @param problems what makes the folder unusable; empty when it can be read
 */
public record ClassFolders(List<String> classNames, List<LabelledFile> files, List<String> problems) {

    /** One example: its file, its class index, and the split its folder names (null without split folders). */
    public record LabelledFile(Path file, int label, SplitPlan.Assigned split) {}

    private static final List<String> SPLITS = List.of("train", "val", "test");

    /** The layout below {@code root}, refused with every problem when it cannot be read. */
    public static ClassFolders read(Path root) {
        ClassFolders layout = scan(root);
        LocalFiles.refuseIfAny(layout.problems());
        return layout;
    }

    /** Reads the layout below {@code root}. */
    public static ClassFolders scan(Path root) {
        List<String> problems = new ArrayList<>();
        Optional<String> notAFolder = LocalFiles.notAFolder(root);
        if (notAFolder.isPresent()) {
            return new ClassFolders(List.of(), List.of(), List.of(notAFolder.get()));
        }
        try {
            List<String> top = subfolders(root);
            if (!top.contains("train")) {
                return ofClasses(root, java.util.Collections.singletonMap(root, null), problems);
            }
            List<String> others = top.stream().filter(n -> !SPLITS.contains(n)).toList();
            if (!others.isEmpty()) {
                problems.add(root + ": holds split folders (train/) and other folders " + others
                        + "; use either train/, val/, test/ or one folder per class");
            }
            if (!top.contains("test")) {
                problems.add(root + ": has train/ but no test/; give test/ too (val/ is optional)");
            }
            Map<Path, SplitPlan.Assigned> splits = new java.util.LinkedHashMap<>();
            for (String split : SPLITS) {
                if (top.contains(split)) {
                    splits.put(root.resolve(split), SplitPlan.Assigned.valueOf(split.toUpperCase(Locale.ROOT)));
                }
            }
            return ofClasses(root, splits, problems);
        } catch (IOException | UncheckedIOException e) {
            problems.add(root + ": cannot list: " + IoReason.of(e));
            return new ClassFolders(List.of(), List.of(), problems);
        }
    }

    /** The class folders below each of {@code splitRoots} (the training split's define the classes). */
    private static ClassFolders ofClasses(Path root, Map<Path, SplitPlan.Assigned> splitRoots, List<String> problems)
            throws IOException {
        Path definingRoot = splitRoots.keySet().iterator().next();
        List<String> classes = subfolders(definingRoot);
        if (classes.size() < 2) {
            problems.add(definingRoot + ": needs one folder per class, at least two; found "
                    + (classes.isEmpty() ? "none" : classes));
        }
        List<LabelledFile> files = new ArrayList<>();
        for (Map.Entry<Path, SplitPlan.Assigned> split : splitRoots.entrySet()) {
            for (String name : subfolders(split.getKey())) {
                Path folder = split.getKey().resolve(name);
                int label = classes.indexOf(name);
                if (label < 0) {
                    problems.add(folder + ": class '" + name + "' is not among the classes of " + definingRoot
                            + " " + classes);
                    continue;
                }
                List<Path> inFolder = visibleFiles(folder);
                if (inFolder.isEmpty() && split.getKey().equals(definingRoot)) {
                    problems.add(folder + ": class '" + name + "' holds no files");
                }
                inFolder.forEach(f -> files.add(new LabelledFile(f, label, split.getValue())));
            }
        }
        files.sort(java.util.Comparator.comparing(LabelledFile::file));
        return new ClassFolders(classes, List.copyOf(files), List.copyOf(problems));
    }

    private static List<String> subfolders(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    /** Regular files at any depth below {@code folder}, none hidden or inside a hidden folder. */
    private static List<Path> visibleFiles(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        for (Path part : folder.relativize(p)) {
                            if (part.toString().startsWith(".")) {
                                return false;
                            }
                        }
                        return true;
                    }).sorted().toList();
        }
    }
}
