package io.transferbench.assets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Extracts the locked files of a package into a directory, trusting nothing the archive says:
 * entries that would escape the directory, links leaving it, and files larger than the lock
 * declares stop the extraction. Digests are computed while writing, so each byte is read once.
 * Files of unlocked entries (size -1) have no size limit; that is how {@code assets lock}
 * measures a new version.
 */
final class SafeExtractor {

    private final List<LockedFile> files;
    private final List<FileSet> sets;

    SafeExtractor(List<LockedFile> files, List<FileSet> sets) {
        this.files = files;
        this.sets = sets;
    }

    /** What was extracted: every selected file with its measured size and digest, by path. */
    record Extracted(Map<String, LockedFile> files) {
        List<LockedFile> inSet(FileSet set) {
            return files.values().stream().filter(f -> set.contains(f.path())).toList();
        }
    }

    /**
     * Extracts into {@code target}, which must exist and be empty.
     *
     * @throws AssetException on a path escape, an oversize file, a link, a missing file or a
     *     truncated or corrupt archive; {@code target} may then hold partial files
     */
    Extracted extract(PackageArchive archive, Path packageFile, Path target) {
        Map<String, LockedFile> byPath = files.stream().collect(Collectors.toMap(LockedFile::path, Function.identity()));
        Map<String, LockedFile> out = new TreeMap<>();
        long[] setBytes = new long[sets.size()];
        Path root = target.toAbsolutePath().normalize();
        try {
            archive.scan((item, contents) -> {
                checkInside(item.path(), item.path(), packageFile);
                LockedFile locked = byPath.get(item.path());
                int set = setIndex(item.path());
                if (locked == null && set < 0) {
                    return;
                }
                if (item.type() == ArchiveItem.Type.SYMLINK || item.type() == ArchiveItem.Type.HARDLINK) {
                    String resolved = item.type() == ArchiveItem.Type.HARDLINK ? item.linkTarget()
                            : parentOf(item.path()) + item.linkTarget();
                    checkInside(item.path() + " -> " + item.linkTarget(), resolved, packageFile);
                    throw new AssetException(packageFile + ": locked file " + item.path() + " is a link to "
                            + item.linkTarget() + "; lock the file it points to instead");
                }
                if (item.type() != ArchiveItem.Type.FILE) {
                    return;
                }
                long limit = locked != null ? locked.size()
                        : sets.get(set).totalSize() < 0 ? -1 : sets.get(set).totalSize() - setBytes[set];
                Path dest = root.resolve(item.path()).normalize();
                if (!dest.startsWith(root)) {
                    throw escape(packageFile, item.path());
                }
                LockedFile written = write(contents, dest, item.path(), limit, locked != null, packageFile);
                if (set >= 0 && locked == null) {
                    setBytes[set] += written.size();
                }
                if (out.put(item.path(), written) != null) {
                    throw new AssetException(packageFile + ": " + item.path() + " appears twice in the archive");
                }
            });
        } catch (AssetException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new AssetException(packageFile + ": archive is truncated or corrupt: " + e, e);
        }
        List<String> missing = new ArrayList<>(byPath.keySet());
        missing.removeAll(out.keySet());
        if (!missing.isEmpty()) {
            throw new AssetException(packageFile + ": locked files not in the package: " + missing);
        }
        Extracted extracted = new Extracted(out);
        for (FileSet s : sets) {
            if (extracted.inSet(s).isEmpty()) {
                throw new AssetException(packageFile + ": no files under " + s.dir() + " ending with '"
                        + s.suffix() + "'");
            }
        }
        return extracted;
    }

    private int setIndex(String path) {
        for (int i = 0; i < sets.size(); i++) {
            if (sets.get(i).contains(path)) {
                return i;
            }
        }
        return -1;
    }

    private static LockedFile write(InputStream contents, Path dest, String path, long limit, boolean single,
            Path packageFile) throws IOException {
        Files.createDirectories(dest.getParent());
        MessageDigest digest = Sha256.newDigest();
        long size = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(dest, StandardOpenOption.CREATE_NEW)) {
            for (int n = contents.read(buffer); n >= 0; n = contents.read(buffer)) {
                size += n;
                if (limit >= 0 && size > limit) {
                    throw new AssetException(packageFile + ": " + path + " is larger than the "
                            + (single ? limit + " bytes declared for it" : "total size declared for its file set")
                            + " in the lock; refusing to extract it");
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return new LockedFile(path, size, Sha256.hex(digest));
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    /** Rejects absolute names and names whose ".." segments climb above the archive root. */
    private static void checkInside(String shown, String path, Path packageFile) {
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*") || path.contains("\\")) {
            throw escape(packageFile, shown);
        }
        int depth = 0;
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                depth--;
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
            if (depth < 0) {
                throw escape(packageFile, shown);
            }
        }
    }

    private static AssetException escape(Path packageFile, String shown) {
        return new AssetException(packageFile + ": archive entry '" + shown
                + "' points outside the extraction directory (path escape); refusing to extract");
    }
}
