package io.transferbench.assets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Where fetched assets live: {@code ROOT/ID/PACKAGE-SHA256-PREFIX/}, holding the locked files at
 * their paths inside the package. A directory there is always complete and was verified when
 * it was published; work in progress lives in {@code ROOT/ID/.work-*} until an atomic rename.
 *
 * @param root the cache directory
 */
public record AssetCache(Path root) {

    /** System property that moves TransferBench's cache (assets and DJL's natives). */
    public static final String PROPERTY = "transferbench.cache";
    /** Environment variable that moves the cache (after the property). */
    public static final String ENVIRONMENT = "TRANSFERBENCH_CACHE";

    private static final int KEY_LENGTH = 16;

    /** The cache the user chose through {@link #PROPERTY} or {@link #ENVIRONMENT}, else the default. */
    public static AssetCache fromEnvironment() {
        return new AssetCache(resolveRoot(System.getProperties(), System.getenv()));
    }

    static Path resolveRoot(Properties properties, Map<String, String> environment) {
        return userCacheRoot(properties, environment).resolve("assets");
    }

    /**
     * TransferBench's cache: {@link #PROPERTY}, else {@link #ENVIRONMENT}, else
     * {@code $XDG_CACHE_HOME/transferbench}, else {@code ~/.cache/transferbench}. Assets live in
     * {@code assets/} below it and the launcher puts DJL's natives in {@code djl/}.
     */
    public static Path userCacheRoot(Properties properties, Map<String, String> environment) {
        for (String configured : new String[] {properties.getProperty(PROPERTY), environment.get(ENVIRONMENT)}) {
            if (configured != null && !configured.isBlank()) {
                return Path.of(configured);
            }
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        return xdg != null && !xdg.isBlank()
                ? Path.of(xdg, "transferbench")
                : Path.of(properties.getProperty("user.home"), ".cache", "transferbench");
    }

    /** The directory of a locked entry; keyed by the package digest so a new version never collides. */
    public Path dirFor(AssetEntry entry) {
        return root.resolve(entry.id()).resolve(entry.packageDigest().sha256().substring(0, KEY_LENGTH));
    }

    /** A fresh scratch directory on the same file system as the entry's final directory. */
    Path newWorkDir(AssetEntry entry) throws IOException {
        Path parent = root.resolve(entry.id());
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent, ".work-");
    }
}
