package io.transferbench.assets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/** A jar (or zip) from Maven Central, read through its central directory. */
final class ZipPackage implements PackageArchive {

    private final Path file;

    ZipPackage(Path file) {
        this.file = file;
    }

    @Override
    public void scan(EntryVisitor visitor) throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            for (Enumeration<ZipArchiveEntry> en = zip.getEntriesInPhysicalOrder(); en.hasMoreElements();) {
                ZipArchiveEntry e = en.nextElement();
                ArchiveItem.Type type = e.isUnixSymlink() ? ArchiveItem.Type.SYMLINK
                        : e.isDirectory() ? ArchiveItem.Type.DIRECTORY : ArchiveItem.Type.FILE;
                String target = type == ArchiveItem.Type.SYMLINK ? zip.getUnixSymlink(e) : null;
                try (InputStream in = zip.getInputStream(e)) {
                    visitor.visit(new ArchiveItem(ArchiveItem.normalise(e.getName()), type, e.getSize(), target), in);
                }
            }
        }
    }
}
