package io.transferbench.assets;

import io.transferbench.BenchException;

import java.nio.file.Path;
import java.util.Collection;

/** Asset access for suites that use no locked assets (generated data, in-harness pretraining). */
public final class NoAssets implements AssetAccess {

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

    private static BenchException unknown(String assetId) {
        return new BenchException(BenchException.EXIT_ASSET, "asset '" + assetId + "' is needed but there is no datasets.lock here (run from the repository root or pass --lock)");
    }
}
