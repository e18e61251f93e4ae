package io.transferbench.report;

import io.transferbench.assets.AssetEntry;
import io.transferbench.assets.AssetLock;
import io.transferbench.assets.LocalFiles;
import io.transferbench.results.CellRecord;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a run's data and weights came from: every asset id and checksum the records name, with
 * the source package, licence and provenance that {@code datasets.lock} gives for it.
 *
 * @param id asset id as the records name it
 * @param checksum what the records say was used (sha256 of the package, or a dataset code's version)
 * @param source registry package, the harness's dataset code, or the user's files
 * @param licence licence from the lock
 * @param provenance provenance from the lock
 */
public record AssetRow(String id, String checksum, String source, String licence, String provenance) {

    static List<AssetRow> of(List<CellRecord> cells, Optional<AssetLock> lock) {
        Map<String, String> used = new TreeMap<>();
        cells.forEach(c -> {
            if (c.assets() != null) {
                used.putAll(c.assets());
            }
        });
        return used.entrySet().stream().map(e -> row(e.getKey(), e.getValue(), lock)).toList();
    }

    private static AssetRow row(String id, String checksum, Optional<AssetLock> lock) {
        if (id.startsWith(CellRecord.DATASET_CODE_PREFIX)) {
            return new AssetRow(id.substring(CellRecord.DATASET_CODE_PREFIX.length()), checksum, "the harness's dataset code",
                    "that of the locked files it reads (their rows)",
                    "the version of the code that reads, splits or deterministically generates this dataset");
        }
        if (LocalFiles.isLocal(id)) {
            return new AssetRow(id, checksum, "the user's own files", "the user's (not checked)",
                    "local files; the checksum is the digest of their sha256sum listing, as datasets.lock's file sets");
        }
        Optional<AssetEntry> entry = lock.flatMap(l -> l.find(id));
        return entry.map(e -> new AssetRow(id, checksum, e.source().toString(), e.licence(), e.provenance()))
                .orElseGet(() -> new AssetRow(id, checksum, Formats.MISSING, "not in datasets.lock",
                        "not in datasets.lock"));
    }
}
