package io.transferbench.assets;

import io.transferbench.BenchException;

import java.nio.file.Path;
import java.util.Collection;

/** Asset access for suites that use no locked assets (generated data, in-harness pretraining). */
public final class NoAssets implements AssetAccess {

    private final Path lockFile;

    /** @param lockFile where the lock was looked for, named when an asset turns out to be needed */
    public NoAssets(Path lockFile) {
        this.lockFile = lockFile;
    }

    @Override
    public void ensure(Collection<String> assetIds) {
        if (!assetIds.isEmpty()) {
            throw unknown(assetIds.iterator().next());
        }
    }

    @Override
    public Path directory(String assetId) {
        throw unknown(assetId);
    }

    @Override
    public String checksum(String assetId) {
        throw unknown(assetId);
    }

    private BenchException unknown(String assetId) {
        return new BenchException(BenchException.EXIT_ASSET, "asset '" + assetId + "' is needed but there is no"
                + " lock file " + lockFile.toAbsolutePath() + " (run from the repository root, or pass --lock FILE)");
    }
}
