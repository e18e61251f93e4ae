package io.transferbench.assets;

import io.transferbench.BenchException;
import io.transferbench.IoReason;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The user's own files (a folder of images, a table of texts, a model) served like locked assets:
 * an id {@code local:PATH} names a file or directory, and its checksum is the digest the lock uses
 * for file sets (sha256 of the sorted {@code sha256sum} listing, paths relative to PATH; for a
 * file, its own sha256), so it goes into every cell id and record that uses the files, and a run
 * never mixes results of changed files. Other ids go to the locked assets behind.
 */
public final class LocalFiles implements AssetAccess {

    private static final String PREFIX = "local:";

    private final AssetAccess locked;
    private final Map<Path, Digest> digests = new ConcurrentHashMap<>();

    /** What a local path held when this process first read it. */
    public record Digest(String sha256, int files, long bytes) {
        @Override
        public String toString() {
            return sha256 + " (" + files + (files == 1 ? " file, " : " files, ") + bytes + " bytes)";
        }
    }

    public LocalFiles(AssetAccess locked) {
        this.locked = locked;
    }

    /** The asset id that names {@code path}, made absolute. */
    public static String id(Path path) {
        return PREFIX + path.toAbsolutePath().normalize();
    }

    public static boolean isLocal(String assetId) {
        return assetId.startsWith(PREFIX);
    }

    /** What is wrong with {@code path} as a file the user named ("no such file", "not a file"); empty when nothing is. */
    public static Optional<String> notAFile(Path path) {
        return Files.isRegularFile(path) ? Optional.empty()
                : Optional.of(path + ": " + (Files.exists(path) ? "not a file" : "no such file"));
    }

    /** What is wrong with {@code path} as a folder the user named ("no such folder", "not a folder"); empty when nothing is. */
    public static Optional<String> notAFolder(Path path) {
        return Files.isDirectory(path) ? Optional.empty()
                : Optional.of(path + ": " + (Files.exists(path) ? "not a folder" : "no such folder"));
    }

    /** Refuses the user's files with every problem found, each naming its file; returns when there is none. */
    public static void refuseIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, String.join("; ", problems));
        }
    }

    @Override
    public void ensure(Collection<String> assetIds) {
        locked.ensure(assetIds.stream().filter(id -> !isLocal(id)).toList());
        assetIds.stream().filter(LocalFiles::isLocal).forEach(this::checksum);
    }

    @Override
    public Path directory(String assetId) {
        if (!isLocal(assetId)) {
            return locked.directory(assetId);
        }
        Path path = pathOf(assetId);
        if (!Files.exists(path)) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, path + ": no such file or directory");
        }
        return path;
    }

    @Override
    public String checksum(String assetId) {
        return isLocal(assetId) ? digest(directory(assetId)).toString() : locked.checksum(assetId);
    }

    /** The digest of the file or directory at {@code path}, computed once per process. */
    public Digest digest(Path path) {
        return digests.computeIfAbsent(path.toAbsolutePath().normalize(), LocalFiles::measure);
    }

    private static Path pathOf(String assetId) {
        return Path.of(assetId.substring(PREFIX.length()));
    }

    private static Digest measure(Path path) {
        try {
            if (Files.isRegularFile(path)) {
                return new Digest(Sha256.of(path), 1, Files.size(path));
            }
            List<LockedFile> files = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                    String relative = path.relativize(f).toString().replace('\\', '/');
                    files.add(new LockedFile(relative, Files.size(f), Sha256.of(f)));
                }
            }
            return new Digest(Sha256.ofListing(files), files.size(), files.stream().mapToLong(LockedFile::size).sum());
        } catch (IOException e) {
            throw new BenchException(BenchException.EXIT_BAD_INPUT, path + ": cannot read: " + IoReason.of(e), e);
        }
    }
}
