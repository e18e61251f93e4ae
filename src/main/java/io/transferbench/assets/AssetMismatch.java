package io.transferbench.assets;

/** Files or a package whose checksums differ from the ones {@code datasets.lock} gives. */
final class AssetMismatch extends AssetException {

    AssetMismatch(String message) {
        super(message);
    }
}
