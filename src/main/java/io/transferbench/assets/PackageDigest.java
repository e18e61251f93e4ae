package io.transferbench.assets;

/**
 * The package file as the registry's client downloaded it.
 *
 * @param file file name the client wrote (informative; the check is the digest)
 * @param size size in bytes
 * @param sha256 lower-case hex digest
 */
public record PackageDigest(String file, long size, String sha256) {
}
