package io.transferbench.assets;

import java.util.Locale;

/** What an asset is used for; the lock spells it in lower case. */
public enum AssetKind {
    DATASET,
    WEIGHTS,
    GENERATOR;

    public String lockName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
