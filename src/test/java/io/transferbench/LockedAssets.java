package io.transferbench;

import io.transferbench.assets.AssetLock;
import io.transferbench.assets.AssetService;

import java.nio.file.Path;

/** The real locked assets for tests, fetched through the asset service (a no-op when cached). */
public final class LockedAssets {

    private LockedAssets() {}

    public static AssetService service() {
        return AssetService.standard(AssetLock.DEFAULT_FILE, line -> { });
    }

    public static Path fetched(String id) {
        return service().fetch(id);
    }
}
