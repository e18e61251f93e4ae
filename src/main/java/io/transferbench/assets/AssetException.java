package io.transferbench.assets;

import io.transferbench.BenchException;

/** An asset that cannot be fetched, is corrupt, or does not match {@code datasets.lock}. */
public class AssetException extends BenchException {

    public AssetException(String message) {
        super(EXIT_ASSET, message);
    }

    public AssetException(String message, Throwable cause) {
        super(EXIT_ASSET, message, cause);
    }
}
