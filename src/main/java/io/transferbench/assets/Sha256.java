package io.transferbench.assets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;

/** sha256 digests in the lower-case hex form the lock uses. */
public final class Sha256 {

    private Sha256() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    static String of(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return hex(digest);
    }

    /** The {@link FileSet} digest: sha256 of the sorted {@code sha256sum} listing. */
    static String ofListing(Collection<LockedFile> files) {
        MessageDigest digest = newDigest();
        files.stream()
                .sorted((a, b) -> compareBytes(a.path(), b.path()))
                .forEach(f -> digest.update((f.sha256() + "  " + f.path() + "\n").getBytes(StandardCharsets.UTF_8)));
        return hex(digest);
    }

    // LC_ALL=C sort order, so the digest can be reproduced with coreutils.
    private static int compareBytes(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
