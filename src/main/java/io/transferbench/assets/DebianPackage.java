package io.transferbench.assets;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;

/** A .deb: an ar archive whose {@code data.tar.*} member holds the installed files. */
final class DebianPackage implements PackageArchive {

    private final Path file;

    DebianPackage(Path file) {
        this.file = file;
    }

    @Override
    public void scan(EntryVisitor visitor) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             ArArchiveInputStream ar = new ArArchiveInputStream(in)) {
            for (ArArchiveEntry e = ar.getNextEntry(); e != null; e = ar.getNextEntry()) {
                String name = e.getName();
                if (!name.startsWith("data.tar")) {
                    continue;
                }
                TarPackage.Compression compression = switch (name) {
                    case "data.tar" -> TarPackage.Compression.NONE;
                    case "data.tar.gz" -> TarPackage.Compression.GZIP;
                    case "data.tar.xz" -> TarPackage.Compression.XZ;
                    // bookworm's archive uses xz throughout; zstd would need another dependency.
                    default -> throw new AssetException(file + ": unsupported member " + name
                            + " (supported: data.tar, data.tar.gz, data.tar.xz)");
                };
                TarPackage.scan(ar, compression, visitor);
                return;
            }
        }
        throw new IOException("no data.tar member in the Debian package");
    }
}
