package io.transferbench.assets;

/**
 * One entry of a package archive, as the archive describes it (nothing is trusted yet).
 *
 * @param path entry name with a leading "./" removed
 * @param type what the entry is
 * @param size declared size of a regular file's contents
 * @param linkTarget target of a symbolic or hard link, else null
 */
public record ArchiveItem(String path, Type type, long size, String linkTarget) {

    /** Entry types that matter for safe extraction. */
    public enum Type { FILE, DIRECTORY, SYMLINK, HARDLINK, OTHER }

    static String normalise(String name) {
        String path = name;
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
