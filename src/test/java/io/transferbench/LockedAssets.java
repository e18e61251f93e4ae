package io.transferbench;

import io.transferbench.assets.AssetLock;
import io.transferbench.assets.AssetService;

import java.nio.file.Path;
import java.util.Set;

/** The real locked assets for tests, fetched through the asset service (a no-op when cached). */
public final class LockedAssets {

    private LockedAssets() {}

    /** The asset service of the project's lock, with {@code ids} fetched and verified. */
    public static AssetService service(String... ids) {
        AssetService service = AssetService.standard(AssetLock.DEFAULT_FILE, line -> { });
        service.ensure(Set.of(ids));
        return service;
    }

    public static Path fetched(String id) {
        return service().fetch(id);
    }
}
