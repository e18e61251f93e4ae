package io.transferbench.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hrefs from one page to another file, relative and percent-encoded, so that a site can be
 * moved, served from any path of any static host, or opened from disk.
 */
final class RelativeLink {

    private RelativeLink() {}

    /** The href from a page in {@code fromDir} to {@code target}. */
    static String to(Path fromDir, Path target) {
        Path relative = fromDir.toAbsolutePath().normalize().relativize(target.toAbsolutePath().normalize());
        List<String> segments = new ArrayList<>();
        relative.forEach(segment -> segments.add(encode(segment.toString())));
        return String.join("/", segments);
    }

    /** The href prefix from a page in {@code fromDir} to files in {@code dir}: "" or "a/b/". */
    static String prefix(Path fromDir, Path dir) {
        String link = to(fromDir, dir);
        return link.isEmpty() ? "" : link + "/";
    }

    private static String encode(String segment) {
        return segment.equals("..") ? segment
                : URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
