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

    /** System property that overrides the cache directory. */
    public static final String PROPERTY = "transferbench.cache";
    /** Environment variable that overrides the cache directory (after the property). */
    public static final String ENVIRONMENT = "TRANSFERBENCH_CACHE";

    private static final int KEY_LENGTH = 16;

    /** The cache the user chose through {@link #PROPERTY} or {@link #ENVIRONMENT}, else the default. */
    public static AssetCache fromEnvironment() {
        return new AssetCache(resolveRoot(System.getProperties(), System.getenv()));
    }

    static Path resolveRoot(Properties properties, Map<String, String> environment) {
        String property = properties.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = environment.get(ENVIRONMENT);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(properties.getProperty("user.home"), ".cache", "transferbench", "assets");
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
