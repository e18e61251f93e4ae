package io.transferbench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassFoldersTest {

    @TempDir
    Path dir;

    @Test
    void oneFolderPerClassGivesSortedClassesAndEveryVisibleFile() throws Exception {
        LocalFixtures.shapes(dir, 3, 1);
        Files.writeString(dir.resolve("square/.DS_Store"), "x");
        Files.createDirectories(dir.resolve("circle/nested"));
        Files.writeString(dir.resolve("circle/nested/extra.png"), "not an image, but a file of the class");
        ClassFolders layout = ClassFolders.scan(dir);
        assertEquals(List.of(), layout.problems());
        assertEquals(List.of("circle", "square"), layout.classNames());
        assertEquals(7, layout.files().size(), "3 + 1 nested in circle, 3 in square, hidden files left out");
        assertTrue(layout.files().stream().allMatch(f -> f.split() == null));
        assertEquals(4, layout.files().stream().filter(f -> f.label() == 0).count());
    }

    @Test
    void splitFoldersAreUsedAsGiven() {
        LocalFixtures.shapes(dir.resolve("train"), 3, 1);
        LocalFixtures.shapes(dir.resolve("test"), 2, 2);
        ClassFolders layout = ClassFolders.scan(dir);
        assertEquals(List.of(), layout.problems());
        assertEquals(6, layout.files().stream().filter(f -> f.split() == SplitPlan.Assigned.TRAIN).count());
        assertEquals(4, layout.files().stream().filter(f -> f.split() == SplitPlan.Assigned.TEST).count());
    }

    @Test
    void unusableFoldersAreRefusedNamingTheFolder() throws Exception {
        assertProblem(ClassFolders.scan(dir.resolve("missing")), "missing: no such folder");
        Files.createDirectories(dir.resolve("one/only"));
        Files.writeString(dir.resolve("one/only/a.png"), "x");
        assertProblem(ClassFolders.scan(dir.resolve("one")), "needs one folder per class, at least two; found [only]");
        LocalFixtures.shapes(dir.resolve("empty"), 1, 1);
        Files.createDirectories(dir.resolve("empty/triangle"));
        assertProblem(ClassFolders.scan(dir.resolve("empty")), "triangle: class 'triangle' holds no files");
        LocalFixtures.shapes(dir.resolve("splits/train"), 1, 1);
        LocalFixtures.shapes(dir.resolve("splits/test"), 1, 1);
        Files.createDirectories(dir.resolve("splits/test/triangle"));
        Files.writeString(dir.resolve("splits/test/triangle/t.png"), "x");
        assertProblem(ClassFolders.scan(dir.resolve("splits")), "class 'triangle' is not among the classes of");
        LocalFixtures.shapes(dir.resolve("notest/train"), 1, 1);
        assertProblem(ClassFolders.scan(dir.resolve("notest")), "has train/ but no test/");
    }

    private static void assertProblem(ClassFolders layout, String expected) {
        assertTrue(layout.problems().stream().anyMatch(p -> p.contains(expected)), layout.problems().toString());
    }
}
