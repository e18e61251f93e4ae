package io.transferbench.assets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/** A tar archive, as npm packs it (gzip) or as a Debian package's data member (xz). */
final class TarPackage implements PackageArchive {

    enum Compression { NONE, GZIP, XZ }

    private final Path file;
    private final Compression compression;

    TarPackage(Path file, Compression compression) {
        this.file = file;
        this.compression = compression;
    }

    @Override
    public void scan(EntryVisitor visitor) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            scan(in, compression, visitor);
        }
    }

    static void scan(InputStream raw, Compression compression, EntryVisitor visitor) throws IOException {
        InputStream decompressed = switch (compression) {
            case NONE -> raw;
            case GZIP -> new GzipCompressorInputStream(raw);
            case XZ -> new XZCompressorInputStream(raw);
        };
        TarArchiveInputStream tar = new TarArchiveInputStream(decompressed);
        for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
            ArchiveItem.Type type = e.isSymbolicLink() ? ArchiveItem.Type.SYMLINK
                    : e.isLink() ? ArchiveItem.Type.HARDLINK
                    : e.isDirectory() ? ArchiveItem.Type.DIRECTORY
                    : e.isFile() ? ArchiveItem.Type.FILE
                    : ArchiveItem.Type.OTHER;
            String target = type == ArchiveItem.Type.SYMLINK || type == ArchiveItem.Type.HARDLINK ? e.getLinkName() : null;
            visitor.visit(new ArchiveItem(ArchiveItem.normalise(e.getName()), type, e.getSize(), target), tar);
        }
    }
}
