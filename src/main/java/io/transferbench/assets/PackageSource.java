package io.transferbench.assets;

import java.util.Map;

/**
 * Where an asset comes from, as written in the lock: {@code debian: NAME=VERSION},
 * {@code npm: NAME@VERSION}, {@code maven: G:A:V} or {@code generator: NAME=VERSION}.
 *
 * @param registry which client fetches it
 * @param name package name (npm name with scope, Debian package, or {@code G:A} for Maven)
 * @param version exact version; ranges are never allowed
 */
public record PackageSource(Registry registry, String name, String version) {

    /** The registries (and the one non-registry kind) an asset can come from. */
    public enum Registry {
        NPM("npm", "@"),
        DEBIAN("debian", "="),
        MAVEN("maven", ":"),
        GENERATOR("generator", "=");

        private final String prefix;
        private final String separator;

        Registry(String prefix, String separator) {
            this.prefix = prefix;
            this.separator = separator;
        }

        public String prefix() {
            return prefix;
        }
    }

    private static final Map<String, Registry> BY_PREFIX = Map.of(
            "npm", Registry.NPM, "debian", Registry.DEBIAN, "maven", Registry.MAVEN,
            "generator", Registry.GENERATOR);

    /**
     * Parses the lock's spelling.
     *
     * @throws IllegalArgumentException with the allowed forms when {@code text} is not one of them
     */
    public static PackageSource parse(String text) {
        int colon = text.indexOf(':');
        Registry registry = colon < 0 ? null : BY_PREFIX.get(text.substring(0, colon).trim());
        if (registry == null) {
            throw new IllegalArgumentException("'" + text + "' is not one of 'debian: NAME=VERSION', "
                    + "'npm: NAME@VERSION', 'maven: GROUP:ARTIFACT:VERSION', 'generator: NAME=VERSION'");
        }
        String coordinates = text.substring(colon + 1).trim();
        // npm scopes start with '@', so the version separator is the last one, not the first.
        int split = coordinates.lastIndexOf(registry.separator);
        if (split <= 0 || split == coordinates.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' has no exact version (expected '"
                    + registry.prefix + ": NAME" + registry.separator + "VERSION')");
        }
        return new PackageSource(registry, coordinates.substring(0, split), coordinates.substring(split + 1));
    }

    /** The coordinates the registry's client understands, e.g. {@code nsfwjs@4.4.0}. */
    public String coordinates() {
        return name + registry.separator + version;
    }

    @Override
    public String toString() {
        return registry.prefix + ": " + coordinates();
    }
}
