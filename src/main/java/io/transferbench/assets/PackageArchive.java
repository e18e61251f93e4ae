package io.transferbench.assets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** A downloaded package read as a sequence of entries, whatever its container format. */
public interface PackageArchive {

    /** Receives each entry; {@code contents} is readable only during the call. */
    @FunctionalInterface
    interface EntryVisitor {
        void visit(ArchiveItem item, InputStream contents) throws IOException;
    }

    /** Calls {@code visitor} for every entry in archive order. */
    void scan(EntryVisitor visitor) throws IOException;

    /** Chooses the reader from the file name the registry's client gave the package. */
    static PackageArchive open(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".tgz") || name.endsWith(".tar.gz")) {
            return new TarPackage(file, TarPackage.Compression.GZIP);
        }
        if (name.endsWith(".deb")) {
            return new DebianPackage(file);
        }
        if (name.endsWith(".jar") || name.endsWith(".zip")) {
            return new ZipPackage(file);
        }
        throw new AssetException(file + ": unknown package format (expected .tgz, .deb or .jar)");
    }
}
