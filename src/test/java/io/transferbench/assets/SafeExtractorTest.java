package io.transferbench.assets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.transferbench.BenchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeExtractorTest {

    @TempDir
    Path tmp;

    private Path target() throws IOException {
        return Files.createDirectories(tmp.resolve("out"));
    }

    private SafeExtractor.Extracted extract(Path pkg, List<LockedFile> files, List<FileSet> sets) throws IOException {
        return new SafeExtractor(files, sets).extract(PackageArchive.open(pkg), pkg, target());
    }

    @Test
    void extractsOnlyLockedFilesFromAnNpmTarballWithTheirDigests() throws IOException {
        Path pkg = new ArchiveFixtures().file("package/a.txt", "alpha").file("package/b.txt", "beta")
                .tgz(tmp.resolve("p.tgz"));
        SafeExtractor.Extracted out = extract(pkg, List.of(new LockedFile("package/a.txt", 5, null)), List.of());
        assertEquals(ArchiveFixtures.sha256("alpha"), out.files().get("package/a.txt").sha256());
        assertEquals("alpha", Files.readString(tmp.resolve("out/package/a.txt")));
        assertFalse(Files.exists(tmp.resolve("out/package/b.txt")));
    }

    @Test
    void readsTheDataMemberOfADebianPackage() throws IOException {
        Path pkg = new ArchiveFixtures().file("./usr/share/datasets/x.gz", "idx").deb(tmp.resolve("p_1_all.deb"));
        SafeExtractor.Extracted out = extract(pkg, List.of(new LockedFile("usr/share/datasets/x.gz", 3, null)),
                List.of());
        assertEquals(3, out.files().get("usr/share/datasets/x.gz").size());
    }

    @Test
    void readsAJarAndCollectsAFileSet() throws IOException {
        Path pkg = new ArchiveFixtures().file("data/1.txt", "one").file("data/2.txt", "two").file("data/3.json", "{}")
                .jar(tmp.resolve("a.jar"));
        FileSet set = new FileSet("data", ".txt", -1, -1, null);
        SafeExtractor.Extracted out = extract(pkg, List.of(), List.of(set));
        assertEquals(List.of("data/1.txt", "data/2.txt"), out.inSet(set).stream().map(LockedFile::path).toList());
    }

    @Test
    void rejectsEntryClimbingOutWithDotDot() throws IOException {
        Path pkg = new ArchiveFixtures().file("package/../../evil.sh", "x").tgz(tmp.resolve("p.tgz"));
        assertEscape(pkg, "package/../../evil.sh");
        assertFalse(Files.exists(tmp.resolve("evil.sh")));
    }

    @Test
    void rejectsAbsoluteEntry() throws IOException {
        Path pkg = new ArchiveFixtures().file("/etc/evil", "x").tgz(tmp.resolve("p.tgz"));
        assertEscape(pkg, "/etc/evil");
    }

    @Test
    void rejectsLockedSymlinkPointingOutside() throws IOException {
        Path pkg = new ArchiveFixtures().link("package/model.bin", "../../../etc/passwd", TarConstants.LF_SYMLINK)
                .tgz(tmp.resolve("p.tgz"));
        AssetException e = assertThrows(AssetException.class,
                () -> extract(pkg, List.of(new LockedFile("package/model.bin", 10, null)), List.of()));
        assertTrue(e.getMessage().contains("path escape"), e.getMessage());
    }

    @Test
    void rejectsLockedHardlinkPointingOutside() throws IOException {
        Path pkg = new ArchiveFixtures().link("package/model.bin", "/etc/shadow", TarConstants.LF_LINK)
                .tgz(tmp.resolve("p.tgz"));
        AssetException e = assertThrows(AssetException.class,
                () -> extract(pkg, List.of(new LockedFile("package/model.bin", 10, null)), List.of()));
        assertTrue(e.getMessage().contains("path escape"), e.getMessage());
    }

    @Test
    void rejectsFileLargerThanDeclared() throws IOException {
        Path pkg = new ArchiveFixtures().file("package/a.txt", "much longer than declared").tgz(tmp.resolve("p.tgz"));
        AssetException e = assertThrows(AssetException.class,
                () -> extract(pkg, List.of(new LockedFile("package/a.txt", 4, null)), List.of()));
        assertTrue(e.getMessage().contains("package/a.txt is larger than the 4 bytes declared"), e.getMessage());
        assertEquals(BenchException.EXIT_ASSET, e.exitCode());
    }

    @Test
    void reportsTruncatedArchiveAsCorrupt() throws IOException {
        Path whole = new ArchiveFixtures().file("package/a.txt", "x".repeat(100_000)).tgz(tmp.resolve("p.tgz"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(tmp.resolve("cut.tgz"), Arrays.copyOf(bytes, bytes.length / 2));
        AssetException e = assertThrows(AssetException.class,
                () -> extract(cut, List.of(new LockedFile("package/a.txt", 100_000, null)), List.of()));
        assertTrue(e.getMessage().contains("truncated or corrupt"), e.getMessage());
    }

    @Test
    void reportsLockedFileMissingFromPackage() throws IOException {
        Path pkg = new ArchiveFixtures().file("package/a.txt", "a").tgz(tmp.resolve("p.tgz"));
        AssetException e = assertThrows(AssetException.class,
                () -> extract(pkg, List.of(new LockedFile("package/b.txt", 1, null)), List.of()));
        assertTrue(e.getMessage().contains("not in the package: [package/b.txt]"), e.getMessage());
    }

    private void assertEscape(Path pkg, String entry) {
        AssetException e = assertThrows(AssetException.class,
                () -> extract(pkg, List.of(new LockedFile("package/a.txt", 1, null)), List.of()));
        assertTrue(e.getMessage().contains("'" + entry + "' points outside"), e.getMessage());
    }
}
