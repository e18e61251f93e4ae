package io.transferbench.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.transferbench.Mappers;
import io.transferbench.assets.Sha256;
import io.transferbench.results.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Frozen-stage outputs on disk, shared by every process that computes the same features: later
 * runs, other workers, cluster tasks on a shared filesystem. An entry is named by the digest of
 * what determines it (see {@link FeatureCache}), written atomically, checked against the sha256
 * its manifest records before use, and evicted least recently used beyond a byte budget. A
 * corrupt or unreadable entry is deleted and computed again.
 */
public final class FeatureStore {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureStore.class);
    private static final String DATA = ".features";
    private static final String MANIFEST = ".json";
    private static final int STREAM_BUFFER = 1 << 20;

    /** The default budget: frozen outputs of a few models over a few datasets. */
    public static final long DEFAULT_BUDGET_BYTES = 8L << 30;

    private final Path dir;
    private final long budgetBytes;

    /** What an entry's manifest records. */
    record Manifest(String sha256, long bytes, String describes, String createdAt) {}

    public FeatureStore(Path dir, long budgetBytes) {
        this.dir = dir;
        this.budgetBytes = budgetBytes;
    }

    public Path dir() {
        return dir;
    }

    /** The splits' features stored under {@code key}, read into {@code manager}; null when absent or not intact. */
    List<NDList> load(String key, NDManager manager) {
        Path data = dir.resolve(key + DATA);
        Path manifestFile = dir.resolve(key + MANIFEST);
        if (!Files.isRegularFile(data) || !Files.isRegularFile(manifestFile)) {
            return null;
        }
        try {
            Manifest manifest = Mappers.RECORDS.readValue(manifestFile.toFile(), Manifest.class);
            long size = Files.size(data);
            MessageDigest sha = Sha256.newDigest();
            List<NDList> splits = null;
            // a file of another size cannot match its digest: not worth decoding
            if (size == manifest.bytes()) {
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                        new DigestInputStream(Files.newInputStream(data), sha), STREAM_BUFFER))) {
                    splits = FeatureFile.read(in, manager, size);
                    if (in.read() != -1) {
                        throw new IOException("data after the last array");
                    }
                }
            }
            if (splits == null || !Sha256.hex(sha).equals(manifest.sha256())) {
                LOG.warn("feature cache entry {} does not match its recorded sha256; computing it again", data);
                delete(key);
                return null;
            }
            Files.setLastModifiedTime(data, FileTime.from(Instant.now()));
            return splits;
        } catch (IOException | RuntimeException e) {
            LOG.warn("feature cache entry {} is unreadable ({}); computing it again", data, e.getMessage());
            delete(key);
            return null;
        }
    }

    /** Writes an entry (data first, then the manifest that makes it visible) and evicts beyond the budget. */
    void save(String key, List<NDList> splits, String describes) {
        try {
            Files.createDirectories(dir);
            Path data = dir.resolve(key + DATA);
            MessageDigest sha = Sha256.newDigest();
            AtomicFiles.write(data, out -> {
                DataOutputStream encoded = new DataOutputStream(new BufferedOutputStream(
                        new DigestOutputStream(out, sha), STREAM_BUFFER));
                FeatureFile.write(splits, encoded);
                encoded.flush();
            });
            AtomicFiles.write(dir.resolve(key + MANIFEST), Mappers.RECORDS.writeValueAsBytes(
                    new Manifest(Sha256.hex(sha), Files.size(data), describes,
                            Instant.now().toString())));
            evictBeyondBudget(key);
        } catch (IOException e) {
            // The cache only saves time: a full or read-only disk must not fail the cell.
            LOG.warn("cannot write feature cache entry in {}: {}", dir, e.getMessage());
        }
    }

    /** Deletes least recently used entries, never {@code keep}, until the store fits its budget. */
    private void evictBeyondBudget(String keep) throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(dir)) {
            entries = new ArrayList<>(files.filter(p -> p.getFileName().toString().endsWith(DATA)).toList());
        }
        entries.sort(Comparator.comparing(FeatureStore::lastUsed));
        long total = 0;
        for (Path p : entries) {
            total += Files.size(p);
        }
        for (Path p : entries) {
            if (total <= budgetBytes) {
                break;
            }
            String key = p.getFileName().toString();
            key = key.substring(0, key.length() - DATA.length());
            if (!key.equals(keep)) {
                total -= Files.size(p);
                delete(key);
            }
        }
    }

    private static FileTime lastUsed(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private void delete(String key) {
        try {
            Files.deleteIfExists(dir.resolve(key + MANIFEST));
            Files.deleteIfExists(dir.resolve(key + DATA));
        } catch (IOException e) {
            LOG.warn("cannot delete feature cache entry {}: {}", key, e.getMessage());
        }
    }

    static String sha256(byte[] bytes) {
        MessageDigest sha = Sha256.newDigest();
        sha.update(bytes);
        return Sha256.hex(sha);
    }
}
