package io.transferbench.assets;

import java.nio.file.Path;
import java.util.Collection;

/** Read access to verified assets: the core and the plug-ins see assets only through this. */
public interface AssetAccess {

    /** Fetches what is missing and verifies everything named; called before any cell runs. */
    void ensure(Collection<String> assetIds);

    /** The local directory holding the verified, unpacked files of an asset. */
    Path directory(String assetId);

    /** The checksum that identifies the asset's content; it goes into every cell id that uses it. */
    String checksum(String assetId);
}
