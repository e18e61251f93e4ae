package io.transferbench.assets;

/**
 * One file used inside a package.
 *
 * @param path path inside the package, with '/' separators and no leading "./"
 * @param size size in bytes; extraction stops at the first byte beyond it
 * @param sha256 lower-case hex digest
 */
public record LockedFile(String path, long size, String sha256) {
}
