package io.transferbench.assets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/** Builds small npm, Debian and Maven packages for tests, including malicious ones. */
final class ArchiveFixtures {

    private final List<TarArchiveEntry> entries = new ArrayList<>();
    private final List<byte[]> contents = new ArrayList<>();

    ArchiveFixtures file(String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(name, true);
        e.setSize(bytes.length);
        entries.add(e);
        contents.add(bytes);
        return this;
    }

    ArchiveFixtures link(String name, String target, byte type) {
        TarArchiveEntry e = new TarArchiveEntry(name, type, true);
        e.setLinkName(target);
        entries.add(e);
        contents.add(new byte[0]);
        return this;
    }

    byte[] tar() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (int i = 0; i < entries.size(); i++) {
                tar.putArchiveEntry(entries.get(i));
                tar.write(contents.get(i));
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    Path tgz(Path file) throws IOException {
        try (OutputStream out = new GzipCompressorOutputStream(Files.newOutputStream(file))) {
            out.write(tar());
        }
        return file;
    }

    /** A .deb as dpkg-deb builds it: debian-binary, control.tar.xz, data.tar.xz. */
    Path deb(Path file) throws IOException {
        ByteArrayOutputStream xz = new ByteArrayOutputStream();
        try (OutputStream out = new XZCompressorOutputStream(xz)) {
            out.write(tar());
        }
        try (ArArchiveOutputStream ar = new ArArchiveOutputStream(Files.newOutputStream(file))) {
            member(ar, "debian-binary", "2.0\n".getBytes(StandardCharsets.US_ASCII));
            member(ar, "control.tar.xz", new byte[] {0});
            member(ar, "data.tar.xz", xz.toByteArray());
        }
        return file;
    }

    /** A jar with the regular files of this fixture. */
    Path jar(Path file) throws IOException {
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file)) {
            for (int i = 0; i < entries.size(); i++) {
                zip.putArchiveEntry(new ZipArchiveEntry(entries.get(i).getName()));
                zip.write(contents.get(i));
                zip.closeArchiveEntry();
            }
        }
        return file;
    }

    private static void member(ArArchiveOutputStream ar, String name, byte[] bytes) throws IOException {
        ar.putArchiveEntry(new ArArchiveEntry(name, bytes.length));
        ar.write(bytes);
        ar.closeArchiveEntry();
    }

    static String sha256(String text) {
        java.security.MessageDigest d = Sha256.newDigest();
        d.update(text.getBytes(StandardCharsets.UTF_8));
        return Sha256.hex(d);
    }
}
