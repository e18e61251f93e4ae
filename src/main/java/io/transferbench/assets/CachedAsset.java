package io.transferbench.assets;

import io.transferbench.IoReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The checks that tie downloaded or cached files to their lock entry. */
final class CachedAsset {

    private CachedAsset() {
    }

    static void checkPackage(AssetEntry entry, PackageDigest actual) {
        PackageDigest expected = entry.packageDigest();
        if (!expected.sha256().equals(actual.sha256()) || expected.size() != actual.size()) {
            throw mismatch(entry, "package file " + actual.file(), expected.sha256() + " (" + expected.size()
                    + " bytes)", actual.sha256() + " (" + actual.size() + " bytes)");
        }
    }

    /** The entry as the extracted files say it should read. */
    static AssetEntry measured(AssetEntry entry, PackageDigest digest, SafeExtractor.Extracted extracted) {
        List<LockedFile> files = entry.files().stream().map(f -> extracted.files().get(f.path())).toList();
        List<FileSet> sets = entry.fileSets().stream().map(s -> measure(s, extracted.inSet(s))).toList();
        return entry.withDigests(digest, files, sets);
    }

    /** Compares measured files with the locked ones, naming the first file that differs. */
    static void compare(AssetEntry locked, AssetEntry measured) {
        for (int i = 0; i < locked.files().size(); i++) {
            LockedFile want = locked.files().get(i);
            LockedFile got = measured.files().get(i);
            if (!want.sha256().equals(got.sha256()) || want.size() != got.size()) {
                throw mismatch(locked, want.path(), want.sha256() + " (" + want.size() + " bytes)",
                        got.sha256() + " (" + got.size() + " bytes)");
            }
        }
        for (int i = 0; i < locked.fileSets().size(); i++) {
            FileSet want = locked.fileSets().get(i);
            FileSet got = measured.fileSets().get(i);
            if (!want.digest().equals(got.digest()) || want.count() != got.count()
                    || want.totalSize() != got.totalSize()) {
                throw mismatch(locked, "file set " + want.dir() + "/*" + want.suffix(),
                        want.digest() + " (" + want.count() + " files, " + want.totalSize() + " bytes)",
                        got.digest() + " (" + got.count() + " files, " + got.totalSize() + " bytes)");
            }
        }
    }

    /** Re-reads a cache directory and compares it with the lock; extra files are ignored. */
    static void verify(AssetEntry entry, Path dir) {
        try {
            List<LockedFile> files = new ArrayList<>();
            for (LockedFile f : entry.files()) {
                Path p = dir.resolve(f.path());
                if (!Files.isRegularFile(p)) {
                    throw new AssetException("asset '" + entry.id() + "': " + p + " is missing from the cache");
                }
                files.add(new LockedFile(f.path(), Files.size(p), Sha256.of(p)));
            }
            List<FileSet> sets = new ArrayList<>();
            for (FileSet s : entry.fileSets()) {
                sets.add(measure(s, scanSet(dir, s)));
            }
            compare(entry, entry.withDigests(entry.packageDigest(), files, sets));
        } catch (IOException | UncheckedIOException e) {
            throw new AssetException("asset '" + entry.id() + "': cannot read " + dir + ": " + IoReason.of(e), e);
        }
    }

    private static List<LockedFile> scanSet(Path dir, FileSet set) throws IOException {
        Path base = dir.resolve(set.dir());
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        List<LockedFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(base)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (set.contains(rel)) {
                    files.add(new LockedFile(rel, Files.size(p), Sha256.of(p)));
                }
            }
        }
        return files;
    }

    private static FileSet measure(FileSet set, List<LockedFile> files) {
        return new FileSet(set.dir(), set.suffix(), files.size(), files.stream().mapToLong(LockedFile::size).sum(),
                Sha256.ofListing(files));
    }

    private static AssetMismatch mismatch(AssetEntry entry, String what, String expected, String actual) {
        return new AssetMismatch("checksum mismatch in asset '" + entry.id() + "' for " + what + ": expected "
                + expected + ", actual " + actual);
    }
}
