package io.transferbench.assets;

import io.transferbench.IoReason;
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

    /**
     * The verified local directory of an asset, fetching it only when the cache lacks it or its
     * copy does not match the lock. A cached copy is replaced only by a package that matches the
     * lock: when the fresh package contradicts the lock too, the lock is what changed (or the
     * registry did), and deleting a good copy would repair nothing.
     */
    public Path fetch(String id) {
        AssetEntry entry = fetchable(id);
        Path dir = cache.dirFor(entry);
        long start = System.nanoTime();
        boolean cached = Files.isDirectory(dir);
        if (cached) {
            try {
                CachedAsset.verify(entry, dir);
                progress.accept(line(entry, "cached", "verified", start, dir));
                return dir;
            } catch (AssetException e) {
                progress.accept(entry.id() + ": the cached copy does not match the lock (" + e.getMessage()
                        + "); fetching the package again to check it");
            }
        }
        Download download = checkedDownload(entry, cached ? dir : null);
        try {
            if (cached) {
                discard(dir, entry);
            }
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
     * Verifies fetched assets against the lock, one line each; never downloads. Assets never
     * fetched are reported as such: a cache that lacks them is incomplete, not corrupt.
     *
     * @param ids the assets to check; empty means every fetchable asset of the lock
     * @throws AssetException listing the fetched assets that do not match the lock
     */
    public void verify(Collection<String> ids) {
        List<AssetEntry> entries = ids.isEmpty()
                ? lock.entries().stream().filter(e -> e.kind() != AssetKind.GENERATOR).toList()
                : ids.stream().map(this::fetchable).toList();
        List<String> problems = new ArrayList<>();
        for (AssetEntry entry : entries) {
            long start = System.nanoTime();
            Path dir = cache.dirFor(entry);
            if (!Files.isDirectory(dir)) {
                progress.accept(String.format("%-28s %-8s (bench assets fetch %s)", entry.id(), "not fetched",
                        entry.id()));
                continue;
            }
            try {
                CachedAsset.verify(entry, dir);
                progress.accept(line(entry, "ok", "verified", start, dir));
            } catch (AssetException e) {
                progress.accept(entry.id() + ": FAILED: " + e.getMessage());
                problems.add(entry.id());
            }
        }
        if (!problems.isEmpty()) {
            throw new AssetException(lock.file() + ": fetched assets that do not match the lock: " + problems
                    + "; 'bench assets fetch ID' fetches them again");
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

    /**
     * Downloads and checks a package against the lock. A mismatch here means the lock and the
     * package disagree: said as such, with the cached copy (if any) left in place.
     */
    private Download checkedDownload(AssetEntry entry, Path keptCopy) {
        try {
            return download(entry, false);
        } catch (AssetMismatch e) {
            throw new AssetException(lock.file() + " and the package " + entry.source() + " disagree: " + e.getMessage()
                    + (keptCopy == null ? "" : "; the cached copy " + keptCopy + " was kept")
                    + ". If the lock was edited by mistake, restore it; if the package changed on purpose, run"
                    + " 'bench assets lock " + entry.id() + "'", e);
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
            throw new AssetException("cannot create a work directory in " + cache.root() + ": " + IoReason.of(e), e);
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
            throw new AssetException("cannot fetch asset '" + entry.id() + "': " + IoReason.of(e), e);
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
            throw new AssetException("cannot publish asset '" + entry.id() + "' to " + dir + ": " + IoReason.of(e), e);
        }
    }

    /** Moves a corrupt directory out of the way first, so no reader sees it half deleted. */
    private void discard(Path dir, AssetEntry entry) {
        try {
            Path trash = cache.newWorkDir(entry);
            Files.move(dir, trash.resolve("corrupt"), StandardCopyOption.ATOMIC_MOVE);
            delete(trash);
        } catch (IOException e) {
            throw new AssetException("cannot remove the corrupt cache directory " + dir + ": " + IoReason.of(e), e);
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
            throw new AssetException("cannot delete " + dir + ": " + IoReason.of(e), e);
        }
    }
}
