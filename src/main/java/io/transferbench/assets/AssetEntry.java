package io.transferbench.assets;

import java.util.List;
import java.util.Map;

/**
 * One asset of the lock. Checksums are null only in an entry a person has just written or edited
 * and not yet recomputed with {@code assets lock ID}; such an entry cannot be fetched.
 *
 * @param id stable name used by suites and as the cache key
 * @param kind dataset, weights or generator
 * @param source package and exact version
 * @param packageDigest digest of the downloaded package file, null until locked
 * @param files individually locked files
 * @param fileSets files locked as one digest over their listing
 * @param licence licence of the content (SPDX where there is one)
 * @param provenance one line: what it is and whom to cite
 * @param parameters generator parameters; empty for fetched packages
 */
public record AssetEntry(String id, AssetKind kind, PackageSource source, PackageDigest packageDigest,
        List<LockedFile> files, List<FileSet> fileSets, String licence, String provenance,
        Map<String, String> parameters) {

    public AssetEntry {
        files = List.copyOf(files);
        fileSets = List.copyOf(fileSets);
        parameters = Map.copyOf(parameters);
    }

    /** True when every checksum is known, so the asset can be fetched and verified. */
    public boolean isLocked() {
        return packageDigest != null && files.stream().allMatch(f -> f.sha256() != null)
                && fileSets.stream().allMatch(s -> s.digest() != null);
    }

    /** The same asset with recomputed checksums. */
    public AssetEntry withDigests(PackageDigest digest, List<LockedFile> newFiles, List<FileSet> newSets) {
        return new AssetEntry(id, kind, source, digest, newFiles, newSets, licence, provenance, parameters);
    }
}
