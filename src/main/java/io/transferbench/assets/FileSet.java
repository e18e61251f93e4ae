package io.transferbench.assets;

/**
 * Many files of a package locked as one digest, for data sets of thousands of small files.
 *
 * <p>The digest is the sha256 of the {@code sha256sum} listing of the files, sorted by path
 * (byte order), paths relative to the package root. It can be recomputed outside Java with
 * {@code find DIR -type f -name '*SUFFIX' | LC_ALL=C sort | xargs sha256sum | sha256sum}.
 *
 * @param dir directory inside the package whose files (recursively) belong to the set
 * @param suffix only files whose name ends with it; empty for all files
 * @param count number of files
 * @param totalSize sum of the files' sizes; extraction stops beyond it
 * @param digest sha256 of the listing
 */
public record FileSet(String dir, String suffix, int count, long totalSize, String digest) {

    public boolean contains(String path) {
        return path.startsWith(dir + "/") && path.endsWith(suffix);
    }
}
